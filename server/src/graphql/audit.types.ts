import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Une requête à l'API, telle que le journal d'audit l'a gardée. / One API request, as the audit log kept it." })
export class AuditRecord {
  @Field(() => DateTimeISOResolver, { description: "Fin de la requête (UTC). / End of the request (UTC)." })
  at!: Date;

  @Field(() => String, { description: "graphql ou csv. / graphql or csv." })
  entry!: string;

  @Field(() => String, { description: "Identifiant de l'utilisateur ; vide sans identification. / User login; empty without credentials." })
  login!: string;

  @Field(() => String, { description: "Clé d'API utilisée ; vide pour une session. / API key used; empty for a session." })
  keyId!: string;

  @Field(() => String, { description: "Rôle. / Role." })
  role!: string;

  @Field(() => String, { description: "Pays de portée ; vide : tous. / Scope country; empty: every country." })
  scope!: string;

  @Field(() => String, { description: "Adresse IP du client. / Client IP address." })
  address!: string;

  @Field(() => String, { description: "query, mutation, csv ou refused. / query, mutation, csv or refused." })
  operationType!: string;

  @Field(() => String, { description: "Nom de l'opération. / Operation name." })
  operationName!: string;

  @Field(() => String, { description: "sha256 du document. / sha256 of the document." })
  queryHash!: string;

  @Field(() => String, { description: "Le document (tronqué à 8 000 caractères). / The document (cut at 8,000 characters)." })
  query!: string;

  @Field(() => String, { description: "Variables en JSON, secrets masqués. / Variables as JSON, secrets masked." })
  variables!: string;

  @Field(() => Int, { description: "Durée en millisecondes. / Duration in milliseconds." })
  durationMs!: number;

  @Field(() => Int, { description: "Statut HTTP. / HTTP status." })
  httpStatus!: number;

  @Field(() => String, { description: "ok, error ou refused. / ok, error or refused." })
  outcome!: string;

  @Field(() => [String], { description: "Codes d'erreur. / Error codes." })
  errorCodes!: string[];
}
