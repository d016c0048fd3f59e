import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { EngineMode, Feed, LoadStatus } from "./enums.js";

@ObjectType({ description: "Un chargement de fichier et ses quatre compteurs (lus = chargés + quarantaine + doublons). / One file load and its four counters (read = loaded + quarantined + duplicates)." })
export class Load {
  @Field(() => String, { description: "Identifiant du chargement. / Load id." })
  id!: string;

  @Field(() => String, { description: "Nom du fichier. / File name." })
  fileName!: string;

  @Field(() => Float, { description: "Taille du fichier en octets. / File size in bytes." })
  fileSize!: number;

  @Field(() => Feed, { nullable: true, description: "Flux reconnu, vide si le fichier n'a pas pu être lu. / Detected feed; null when the file could not be read." })
  feed!: Feed | null;

  @Field(() => String, { description: "Origine : cli, inbox, upload, demo. / Where the file came from." })
  source!: string;

  @Field(() => LoadStatus, { description: "État. / Status." })
  status!: LoadStatus;

  @Field(() => Float, { description: "Enregistrements lus. / Records read." })
  read!: number;

  @Field(() => Float, { description: "Enregistrements chargés. / Records loaded." })
  loaded!: number;

  @Field(() => Float, { description: "Enregistrements mis en quarantaine. / Records quarantined." })
  quarantined!: number;

  @Field(() => Float, { description: "Doublons ignorés. / Duplicates ignored." })
  duplicates!: number;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Dernier événement chargé par ce fichier. / Latest event this file loaded." })
  lastEventAt!: Date | null;

  @Field(() => DateTimeISOResolver, { description: "Début du chargement. / Load start." })
  startedAt!: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Fin du chargement. / Load end." })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Pourquoi le fichier n'a pas pu être lu. / Why the file could not be read." })
  error!: string | null;
}

@ObjectType({ description: "Fraîcheur et volume d'un flux. / Freshness and volume of one feed." })
export class FeedStatus {
  @Field(() => Feed, { description: "Le flux. / The feed." })
  feed!: Feed;

  @Field(() => String, { description: "Nom du flux en français. / Feed name in French." })
  nameFr!: string;

  @Field(() => String, { description: "Nom du flux en anglais. / Feed name in English." })
  nameEn!: string;

  @Field(() => Int, { description: "Fichiers chargés. / Files loaded." })
  loads!: number;

  @Field(() => Float, { description: "Enregistrements chargés (toutes versions). / Records loaded (all versions)." })
  recordsLoaded!: number;

  @Field(() => Float, { description: "Enregistrements en quarantaine. / Records quarantined." })
  recordsQuarantined!: number;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Données au : dernier événement chargé. / Data as of: latest event loaded." })
  dataAsOf!: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Dernier chargement terminé. / Latest finished load." })
  lastLoadAt!: Date | null;
}

@ObjectType({ description: "État de l'entrepôt de données. / State of the data warehouse." })
export class WarehouseStatus {
  @Field(() => EngineMode, { description: "Moteur embarqué ou serveur. / Embedded engine or server." })
  mode!: EngineMode;

  @Field(() => String, { description: "Version de ClickHouse. / ClickHouse version." })
  engineVersion!: string;

  @Field(() => Int, { description: "Version du schéma (dernière migration appliquée). / Schema version (last migration applied)." })
  schemaVersion!: number;

  @Field(() => String, { description: "Base de données. / Database." })
  database!: string;

  @Field(() => String, { nullable: true, description: "Grappe ClickHouse, si configurée. / ClickHouse cluster, when configured." })
  cluster!: string | null;

  @Field(() => Boolean, { description: "Vrai tant qu'aucun fichier n'a été chargé. / True until any file has been loaded." })
  empty!: boolean;

  @Field(() => [FeedStatus], { description: "Les cinq flux, avec leur fraîcheur. / The five feeds, with their freshness." })
  feeds!: FeedStatus[];
}
