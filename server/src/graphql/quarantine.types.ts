import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";
import { Feed } from "./enums.js";

@ObjectType({ description: "Un enregistrement refusé par le chargement, avec où il était et pourquoi. / A record refused by loading, with where it was and why." })
export class QuarantineRecord {
  @Field(() => Feed, { description: "Le flux. / The feed." })
  feed!: Feed;

  @Field(() => String, { description: "Nom du fichier. / File name." })
  fileName!: string;

  @Field(() => Int, { description: "Rang de l'enregistrement dans le fichier, à partir de 1. / The record's rank in the file, from 1." })
  recordIndex!: number;

  @Field(() => Int, { nullable: true, description: "Ligne du fichier ; vide si sans objet. / Line in the file; null when not applicable." })
  line!: number | null;

  @Field(() => Int, { nullable: true, description: "EDIFACT : rang du message (UNH) dans le fichier ; vide sinon. / EDIFACT: the message's (UNH) rank in the file; null otherwise." })
  message!: number | null;

  @Field(() => Int, { nullable: true, description: "EDIFACT : rang du segment, UNB = 1 ; vide sinon. / EDIFACT: segment index, UNB = 1; null otherwise." })
  segment!: number | null;

  @Field(() => String, { description: "Code du motif (formats.md), p. ex. BAD_IMO. / Reason code (formats.md), e.g. BAD_IMO." })
  reason!: string;

  @Field(() => String, { description: "Motif en français. / Reason in French." })
  reasonFr!: string;

  @Field(() => String, { description: "Motif en anglais. / Reason in English." })
  reasonEn!: string;

  @Field(() => String, { description: "Ce qui ne va pas exactement. / What exactly is wrong." })
  detail!: string;

  @Field(() => String, { nullable: true, description: "Clé naturelle de l'enregistrement quand elle a pu être lue. / The record's natural key when it could be read." })
  recordKey!: string | null;

  @Field(() => String, { description: "Texte brut de l'enregistrement, coupé à 2 000 caractères. / The record's raw text, cut at 2,000 characters." })
  raw!: string;

  @Field(() => Boolean, { description: "Le texte brut a été coupé. / The raw text was cut." })
  rawTruncated!: boolean;

  @Field(() => DateTimeISOResolver, { description: "Chargement qui l'a mis en quarantaine (UTC). / When the load quarantined it (UTC)." })
  quarantinedAt!: Date;

  @Field(() => Boolean, { description: "Un chargement ultérieur a apporté le même enregistrement (même clé) correctement. / A later load brought the same record (same key) in correctly." })
  fixed!: boolean;
}

@ObjectType({ description: "Nombre d'enregistrements en quarantaine pour un motif. / Number of quarantined records for one reason." })
export class QuarantineReasonCount {
  @Field(() => String, { description: "Code du motif. / Reason code." })
  reason!: string;

  @Field(() => String, { description: "Motif en français. / Reason in French." })
  reasonFr!: string;

  @Field(() => String, { description: "Motif en anglais. / Reason in English." })
  reasonEn!: string;

  @Field(() => Int, { description: "Enregistrements. / Records." })
  records!: number;
}

@ObjectType({ description: "Enregistrements en quarantaine et leurs décomptes par motif. / Quarantined records and their counts by reason." })
export class QuarantinePage {
  @Field(() => [QuarantineRecord], { description: "Les enregistrements, les plus récents d'abord, au plus `limit`. / The records, newest first, at most `limit`." })
  records!: QuarantineRecord[];

  @Field(() => Int, { description: "Enregistrements correspondant à tous les filtres. / Records matching every filter." })
  total!: number;

  @Field(() => Boolean, { description: "Il y a plus d'enregistrements que la liste n'en montre. / There are more records than the list shows." })
  truncated!: boolean;

  @Field(() => [QuarantineReasonCount], {
    description:
      "Décompte par motif, avec les filtres fichier et flux mais sans le filtre motif (pour choisir un autre motif). / Counts by reason, with the file and feed filters but not the reason filter (to pick another reason).",
  })
  byReason!: QuarantineReasonCount[];

  @Field(() => Boolean, {
    description:
      "Votre compte est limité à un pays : seuls les enregistrements des flux sans pays (escales, conteneurs) sont montrés. / Your account is limited to one country: only the records of feeds without a country (vessel calls, containers) are shown.",
  })
  portWideOnly!: boolean;
}
