import { GraphQLError } from "graphql";
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { ApiKeyRecord, User } from "../auth/access-store.js";
import { isRole } from "../auth/roles.js";
import { MIN_PASSWORD_LENGTH, verifyPassword } from "../auth/secrets.js";
import { forbidden, unauthenticated } from "./auth-checker.js";
import type { Context } from "./context.js";
import { RoleName } from "./enums.js";
import { ApiKeyInfo, CreatedApiKey, NewApiKeyInput, NewUserInput, UpdateUserInput, UserAccount } from "./access.types.js";

const COUNTRIES = new Set(["BF", "ML", "NE", "TG"]);

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

/** An administrator manages every account and reads the whole audit log: it cannot be limited to one country. */
function checkAdminScope(role: string, country: string | null): void {
  if (role === "admin" && country !== null) throw badInput("un administrateur voit tous les pays : pas de pays de portée / an administrator sees every country: no scope country");
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 1000) throw badInput(`mot de passe : au moins ${MIN_PASSWORD_LENGTH} caractères / password: at least ${MIN_PASSWORD_LENGTH} characters`);
}

function account(user: User): UserAccount {
  return { id: user.userId, login: user.login, displayName: user.displayName, role: user.role as RoleName, country: user.country, language: user.language, disabled: user.disabled };
}

function keyInfo(record: ApiKeyRecord, owner: string): ApiKeyInfo {
  return { id: record.keyId, name: record.name, owner, createdAt: new Date(record.createdAt), expiresAt: record.expiresAt ? new Date(record.expiresAt) : null, revokedAt: record.revokedAt ? new Date(record.revokedAt) : null };
}

/** Accounts and API keys: everyone manages their own keys; administrators manage everyone's, and accounts. */
@Resolver()
export class AccessResolver {
  @Query(() => UserAccount, { nullable: true, description: "Le compte qui pose la question ; vide sans identifiants. / The account asking; null without credentials." })
  async me(@Ctx() { principal, services }: Context): Promise<UserAccount | null> {
    if (!principal) return null;
    const user = await services.access.userById(principal.userId);
    return user ? account(user) : null;
  }

  @Authorized("admin")
  @Query(() => [UserAccount], { description: "Tous les comptes (administrateurs). / Every account (administrators)." })
  async users(@Ctx() { services }: Context): Promise<UserAccount[]> {
    return (await services.access.listUsers()).map(account);
  }

  @Authorized("admin")
  @Mutation(() => UserAccount, { description: "Crée un compte (administrateurs). / Creates an account (administrators)." })
  async createUser(@Arg("input", () => NewUserInput) input: NewUserInput, @Ctx() { services }: Context): Promise<UserAccount> {
    const login = input.login.trim().toLowerCase();
    if (!/^[a-z0-9._@-]{2,100}$/u.test(login)) throw badInput("login : 2 à 100 caractères a-z 0-9 . _ @ - / login: 2 to 100 characters a-z 0-9 . _ @ -");
    if (!isRole(input.role)) throw badInput("role inconnu / unknown role");
    checkPassword(input.password);
    const country = input.country?.trim().toUpperCase() || null;
    if (country !== null && !COUNTRIES.has(country)) throw badInput("pays : BF, ML, NE ou TG / country: BF, ML, NE or TG");
    checkAdminScope(input.role, country);
    if (input.displayName.length > 200) throw badInput("nom trop long / name too long");
    if (await services.access.userByLogin(login)) throw badInput(`le compte ${login} existe déjà / account ${login} already exists`);
    const user = await services.access.createUser({ login, displayName: input.displayName.trim() || login, role: input.role, country, language: input.language === "en" ? "en" : "fr", password: input.password });
    return account(user);
  }

  @Authorized("admin")
  @Mutation(() => UserAccount, { description: "Change un compte : rôle, pays, nom, langue, désactivation, mot de passe (administrateurs). / Changes an account: role, country, name, language, disabling, password (administrators)." })
  async updateUser(@Arg("login", () => String) login: string, @Arg("input", () => UpdateUserInput) input: UpdateUserInput, @Ctx() { principal, services }: Context): Promise<UserAccount> {
    const user = await services.access.userByLogin(login);
    if (!user) throw badInput(`compte inconnu : ${login.slice(0, 100)} / unknown account`);
    if (input.role != null && !isRole(input.role)) throw badInput("role inconnu / unknown role");
    const country = input.country == null ? undefined : input.country.trim().toUpperCase() || null;
    if (country != null && !COUNTRIES.has(country)) throw badInput("pays : BF, ML, NE ou TG / country: BF, ML, NE or TG");
    checkAdminScope(input.role ?? user.role, country !== undefined ? country : user.country);
    if (input.password != null) checkPassword(input.password);
    if (input.displayName != null && input.displayName.length > 200) throw badInput("nom trop long / name too long");
    if (input.language != null && input.language !== "fr" && input.language !== "en") throw badInput("langue : fr ou en / language: fr or en");
    // Nobody locks themselves out: the last word on one's own admin rights belongs to another administrator.
    if (user.userId === principal?.userId && (input.disabled === true || (input.role != null && input.role !== "admin"))) throw badInput("vous ne pouvez ni vous désactiver ni quitter le rôle administrateur / you cannot disable yourself or leave the administrator role");
    const updated = await services.access.updateUser(user, {
      displayName: input.displayName?.trim() || undefined,
      role: input.role ?? undefined,
      country,
      language: (input.language as "fr" | "en" | null) ?? undefined,
      disabled: input.disabled ?? undefined,
      password: input.password ?? undefined,
    });
    // A new password ends the sessions opened with the old one.
    if (input.password != null) await services.access.revokeSessionsOf(user.userId);
    // Cached credentials of this account must not outlive the change.
    services.authenticator.invalidate();
    return account(updated);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Change votre mot de passe ; le mot de passe actuel est demandé. Toutes vos sessions prennent fin ; vos clés d'API restent valides. / Changes your password; the current one is asked for. All your sessions end; your API keys stay valid." })
  async changePassword(@Arg("current", () => String) current: string, @Arg("password", () => String) password: string, @Ctx() { principal, services }: Context): Promise<boolean> {
    if (!principal) throw unauthenticated();
    const user = await services.access.userById(principal.userId);
    if (!user || !(await verifyPassword(current, user.passwordHash))) throw badInput("mot de passe actuel incorrect / current password is wrong");
    checkPassword(password);
    await services.access.updateUser(user, { password });
    // Every session ends, this one too: whoever signed in with the old password is out, and the
    // dashboard asks for the new one.
    await services.access.revokeSessionsOf(user.userId);
    services.authenticator.invalidate();
    return true;
  }

  @Authorized()
  @Query(() => [ApiKeyInfo], { description: "Vos clés d'API ; toutes pour les administrateurs. / Your API keys; every key for administrators." })
  async apiKeys(@Ctx() { principal, services }: Context): Promise<ApiKeyInfo[]> {
    if (!principal) throw unauthenticated();
    const all = principal.role === "admin";
    const records = await services.access.apiKeysOf(all ? null : principal.userId);
    const logins = new Map((all ? await services.access.listUsers() : []).map((u) => [u.userId, u.login]));
    return records.map((r) => keyInfo(r, logins.get(r.userId) ?? principal.login));
  }

  @Authorized()
  @Mutation(() => CreatedApiKey, { description: "Crée une clé d'API ; son secret n'est montré qu'une fois. / Creates an API key; its secret is shown once." })
  async createApiKey(@Arg("input", () => NewApiKeyInput) input: NewApiKeyInput, @Ctx() { principal, services }: Context): Promise<CreatedApiKey> {
    if (!principal) throw unauthenticated();
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) throw badInput("nom : 1 à 100 caractères / name: 1 to 100 characters");
    if (input.expiresInDays != null && (input.expiresInDays < 1 || input.expiresInDays > 3650)) throw badInput("expiresInDays : 1 à 3650 / 1 to 3650");
    let owner = { userId: principal.userId, login: principal.login };
    if (input.forLogin) {
      if (principal.role !== "admin") throw forbidden();
      const user = await services.access.userByLogin(input.forLogin);
      if (!user) throw badInput(`compte inconnu / unknown account ${input.forLogin}`);
      owner = { userId: user.userId, login: user.login };
    }
    const expires = input.expiresInDays != null ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    const created = await services.access.createApiKey(owner.userId, name, expires);
    return { key: created.key, info: keyInfo(created.record, owner.login) };
  }

  @Authorized()
  @Mutation(() => ApiKeyInfo, { description: "Révoque une clé d'API : elle est refusée aussitôt. / Revokes an API key: it is refused at once." })
  async revokeApiKey(@Arg("id", () => ID) id: string, @Ctx() { principal, services }: Context): Promise<ApiKeyInfo> {
    if (!principal) throw unauthenticated();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u.test(id)) throw badInput("identifiant de clé invalide / invalid key id");
    const record = await services.access.apiKey(id);
    if (!record || (record.userId !== principal.userId && principal.role !== "admin")) throw badInput("clé inconnue / unknown key");
    if (record.revokedAt === null) await services.access.revokeApiKey(record);
    services.authenticator.invalidate();
    const revoked = await services.access.apiKey(id);
    return keyInfo(revoked ?? record, principal.login);
  }
}
