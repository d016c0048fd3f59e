import { Field, Float, ObjectType } from "type-graphql";
import { Feed, LoadStatus } from "./enums.js";

@ObjectType({ description: "Le résultat du chargement d'un fichier envoyé. / The load result of an uploaded file." })
export class UploadResult {
  @Field(() => String, { description: "Nom du fichier, tel qu'enregistré. / File name, as stored." })
  fileName!: string;

  @Field(() => Feed, { nullable: true, description: "Flux reconnu ; vide si illisible. / Detected feed; null when unreadable." })
  feed!: Feed | null;

  @Field(() => LoadStatus, { description: "État du chargement. / Load status." })
  status!: LoadStatus;

  @Field(() => Float, { description: "Enregistrements lus. / Records read." })
  read!: number;

  @Field(() => Float, { description: "Chargés. / Loaded." })
  loaded!: number;

  @Field(() => Float, { description: "Mis en quarantaine. / Quarantined." })
  quarantined!: number;

  @Field(() => Float, { description: "Doublons ignorés. / Duplicates ignored." })
  duplicates!: number;

  @Field(() => String, { nullable: true, description: "Pourquoi le fichier n'a pas pu être lu. / Why the file could not be read." })
  error!: string | null;
}
