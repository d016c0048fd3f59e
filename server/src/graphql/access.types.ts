import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { RoleName } from "./enums.js";

@ObjectType({ description: "Un compte d'utilisateur. / A user account." })
export class UserAccount {
  @Field(() => ID, { description: "Identifiant. / Id." })
  id!: string;

  @Field(() => String, { description: "Identifiant de connexion (courriel ou nom court). / Sign-in login (e-mail or short name)." })
  login!: string;

  @Field(() => String, { description: "Nom affiché. / Display name." })
  displayName!: string;

  @Field(() => RoleName, { description: "Rôle. / Role." })
  role!: RoleName;

  @Field(() => String, { nullable: true, description: "Pays dont l'utilisateur voit le détail ; vide : tous. / Country whose detail the user sees; empty: all." })
  country!: string | null;

  @Field(() => String, { description: "Langue de l'interface et des rapports : fr ou en. / Language of the interface and reports: fr or en." })
  language!: string;

  @Field(() => Boolean, { description: "Compte désactivé. / Account disabled." })
  disabled!: boolean;
}

@ObjectType({ description: "Une clé d'API (sans son secret, montré une seule fois à la création). / An API key (without its secret, shown once at creation)." })
export class ApiKeyInfo {
  @Field(() => ID, { description: "Identifiant de la clé. / Key id." })
  id!: string;

  @Field(() => String, { description: "Nom donné à la clé. / Name given to the key." })
  name!: string;

  @Field(() => String, { description: "Compte propriétaire. / Owning account." })
  owner!: string;

  @Field(() => DateTimeISOResolver, { description: "Création. / Created." })
  createdAt!: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Expiration. / Expiry." })
  expiresAt!: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Révocation. / Revocation." })
  revokedAt!: Date | null;
}

@ObjectType({ description: "Une clé d'API nouvelle : le secret n'est montré qu'ici. / A new API key: its secret is shown here only." })
export class CreatedApiKey {
  @Field(() => String, { description: "La clé à présenter dans « Authorization: Bearer … ». Conservez-la : elle ne sera plus montrée. / The key to send as “Authorization: Bearer …”. Keep it: it will not be shown again." })
  key!: string;

  @Field(() => ApiKeyInfo, { description: "La clé. / The key." })
  info!: ApiKeyInfo;
}

@InputType({ description: "Un compte à créer. / An account to create." })
export class NewUserInput {
  @Field(() => String, { description: "Identifiant de connexion, unique. / Sign-in login, unique." })
  login!: string;

  @Field(() => String, { description: "Nom affiché. / Display name." })
  displayName!: string;

  @Field(() => RoleName, { description: "Rôle. / Role." })
  role!: RoleName;

  @Field(() => String, { nullable: true, description: "Limite l'accès au détail d'un pays (BF, ML, NE, TG). / Limits detailed access to one country (BF, ML, NE, TG)." })
  country?: string | null;

  @Field(() => String, { nullable: true, description: "fr (par défaut) ou en. / fr (default) or en." })
  language?: string | null;

  @Field(() => String, { description: "Mot de passe initial, au moins 12 caractères. / Initial password, at least 12 characters." })
  password!: string;
}

@InputType({ description: "Une clé d'API à créer. / An API key to create." })
export class NewApiKeyInput {
  @Field(() => String, { description: "Nom pour la reconnaître (script, poste…). / Name to recognise it by (script, workstation…)." })
  name!: string;

  @Field(() => Int, { nullable: true, description: "Jours de validité ; vide : sans expiration. / Days of validity; empty: no expiry." })
  expiresInDays?: number | null;

  @Field(() => String, { nullable: true, description: "Administrateurs : compte pour lequel créer la clé. / Administrators: the account to create the key for." })
  forLogin?: string | null;
}

@InputType({ description: "Changements d'un compte (administrateurs) ; un champ absent ne change pas. / Changes to an account (administrators); a missing field does not change." })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: "Nom affiché. / Display name." })
  displayName?: string | null;

  @Field(() => RoleName, { nullable: true, description: "Rôle. / Role." })
  role?: RoleName | null;

  @Field(() => String, { nullable: true, description: "Pays de portée (BF, ML, NE, TG) ; chaîne vide : tous les pays. / Scope country (BF, ML, NE, TG); empty string: every country." })
  country?: string | null;

  @Field(() => String, { nullable: true, description: "fr ou en. / fr or en." })
  language?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Désactiver (vrai) ou réactiver (faux) : un compte désactivé est refusé partout, sessions et clés comprises. / Disable (true) or enable (false): a disabled account is refused everywhere, sessions and keys included." })
  disabled?: boolean | null;

  @Field(() => String, { nullable: true, description: "Nouveau mot de passe (au moins 12 caractères), à transmettre à l'utilisateur ; ses sessions prennent fin. / New password (at least 12 characters), to pass on to the user; their sessions end." })
  password?: string | null;
}
