import { randomUUID } from "node:crypto";
import type { Warehouse } from "@corridor/warehouse";
import type { Role } from "./roles.js";
import { hashPassword, randomSecret, sha256Hex } from "./secrets.js";

export interface User {
  readonly userId: string;
  readonly login: string;
  readonly displayName: string;
  readonly role: Role;
  /** null: every country; else the one country whose detail the user sees. */
  readonly country: string | null;
  readonly language: "fr" | "en";
  readonly disabled: boolean;
  readonly passwordHash: string;
  readonly createdAt: string;
}

interface UserRow {
  user_id: string;
  login: string;
  display_name: string;
  role: Role;
  country: string;
  language: string;
  password_hash: string;
  disabled: number;
  created_at: string;
}

const now = () => new Date().toISOString();

function toUser(row: UserRow): User {
  return {
    userId: row.user_id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    country: row.country === "" ? null : row.country,
    language: row.language === "en" ? "en" : "fr",
    disabled: row.disabled === 1,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

const USER_COLUMNS = "user_id, login, display_name, toString(role) AS role, toString(country) AS country, toString(language) AS language, password_hash, disabled, created_at";

export interface NewUser {
  readonly login: string;
  readonly displayName: string;
  readonly role: Role;
  readonly country: string | null;
  readonly language: "fr" | "en";
  readonly password: string;
}

export interface UserChanges {
  readonly displayName?: string;
  readonly role?: Role;
  /** null: every country. */
  readonly country?: string | null;
  readonly language?: "fr" | "en";
  readonly disabled?: boolean;
  readonly password?: string;
}

export interface ApiKeyRecord {
  readonly keyId: string;
  readonly userId: string;
  readonly name: string;
  readonly secretHash: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

/** Users, sessions and API keys in the warehouse (tables of migration 0021). */
export class AccessStore {
  constructor(private readonly warehouse: Warehouse) {}

  async countUsers(): Promise<number> {
    const [row] = await this.warehouse.query<{ n: string }>({ sql: "SELECT toString(count()) AS n FROM users FINAL", tag: "auth:count-users" });
    return Number(row?.n ?? 0);
  }

  async userByLogin(login: string): Promise<User | null> {
    const [row] = await this.warehouse.query<UserRow>({ sql: `SELECT ${USER_COLUMNS} FROM users FINAL WHERE login = {login:String}`, params: { login: login.trim().toLowerCase() }, tag: "auth:user-by-login" });
    return row ? toUser(row) : null;
  }

  async userById(userId: string): Promise<User | null> {
    const [row] = await this.warehouse.query<UserRow>({ sql: `SELECT ${USER_COLUMNS} FROM users FINAL WHERE user_id = {id:UUID}`, params: { id: userId }, tag: "auth:user-by-id" });
    return row ? toUser(row) : null;
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.warehouse.query<UserRow>({ sql: `SELECT ${USER_COLUMNS} FROM users FINAL ORDER BY login`, tag: "auth:list-users" });
    return rows.map(toUser);
  }

  async createUser(user: NewUser): Promise<User> {
    const at = now();
    const row = {
      user_id: randomUUID(),
      login: user.login.trim().toLowerCase(),
      display_name: user.displayName,
      role: user.role,
      country: user.country ?? "",
      language: user.language,
      password_hash: await hashPassword(user.password),
      disabled: 0,
      created_at: at,
      updated_at: at,
    };
    await this.warehouse.insert("users", [row], { tag: "auth:create-user" });
    return toUser(row);
  }

  /**
   * Writes a newer version of a user's row (ReplacingMergeTree keeps the
   * latest `updated_at`): role, scope, name, language, disabled, or a new
   * password. The login and id never change.
   */
  async updateUser(user: User, changes: UserChanges): Promise<User> {
    const row = {
      user_id: user.userId,
      login: user.login,
      display_name: changes.displayName ?? user.displayName,
      role: changes.role ?? user.role,
      country: (changes.country !== undefined ? changes.country : user.country) ?? "",
      language: changes.language ?? user.language,
      password_hash: changes.password !== undefined ? await hashPassword(changes.password) : user.passwordHash,
      disabled: (changes.disabled ?? user.disabled) ? 1 : 0,
      created_at: user.createdAt,
      updated_at: now(),
    };
    await this.warehouse.insert("users", [row], { tag: "auth:update-user" });
    return toUser(row);
  }

  /** A new session token (returned once, stored hashed). */
  async createSession(userId: string, ttlMs: number): Promise<{ token: string; expiresAt: Date }> {
    const token = randomSecret();
    const created = new Date();
    const expiresAt = new Date(created.getTime() + ttlMs);
    await this.warehouse.insert(
      "sessions",
      [{ token_hash: sha256Hex(token), user_id: userId, created_at: created.toISOString(), expires_at: expiresAt.toISOString(), revoked: 0, updated_at: created.toISOString() }],
      { tag: "auth:create-session" },
    );
    return { token, expiresAt };
  }

  async session(token: string): Promise<{ userId: string; expiresAt: number; revoked: boolean } | null> {
    const [row] = await this.warehouse.query<{ user_id: string; expires_at: string; revoked: number }>({
      sql: "SELECT user_id, expires_at, revoked FROM sessions FINAL WHERE token_hash = {hash:FixedString(64)}",
      params: { hash: sha256Hex(token) },
      tag: "auth:session",
    });
    return row ? { userId: row.user_id, expiresAt: Date.parse(row.expires_at), revoked: row.revoked === 1 } : null;
  }

  async revokeSession(token: string): Promise<void> {
    const hash = sha256Hex(token);
    const [row] = await this.warehouse.query<{ user_id: string; created_at: string; expires_at: string }>({ sql: "SELECT user_id, created_at, expires_at FROM sessions FINAL WHERE token_hash = {hash:FixedString(64)}", params: { hash }, tag: "auth:session" });
    if (!row) return;
    await this.warehouse.insert("sessions", [{ token_hash: hash, user_id: row.user_id, created_at: row.created_at, expires_at: row.expires_at, revoked: 1, updated_at: now() }], { tag: "auth:revoke-session" });
  }

  /**
   * Ends every open session of an account (after a new password: whoever knew the old one and signed in
   * with it must not stay in). Its API keys are left alone; they are revoked one by one.
   */
  async revokeSessionsOf(userId: string): Promise<number> {
    const open = await this.warehouse.query<{ token_hash: string; created_at: string; expires_at: string }>({
      sql: "SELECT token_hash, created_at, expires_at FROM sessions FINAL WHERE user_id = {user:UUID} AND revoked = 0 AND expires_at > now64(3)",
      params: { user: userId },
      tag: "auth:sessions-of",
    });
    if (open.length === 0) return 0;
    const at = now();
    await this.warehouse.insert(
      "sessions",
      open.map((row) => ({ token_hash: row.token_hash, user_id: userId, created_at: row.created_at, expires_at: row.expires_at, revoked: 1, updated_at: at })),
      { tag: "auth:revoke-sessions" },
    );
    return open.length;
  }

  /** A new API key: `ck_<key id>_<secret>`, shown once; only the secret's hash is kept. */
  async createApiKey(userId: string, name: string, expiresAt: Date | null): Promise<{ key: string; record: ApiKeyRecord }> {
    const keyId = randomUUID();
    const secret = randomSecret();
    const at = now();
    const record: ApiKeyRecord = { keyId, userId, name, secretHash: sha256Hex(secret), createdAt: at, expiresAt: expiresAt?.toISOString() ?? null, revokedAt: null };
    await this.warehouse.insert(
      "api_keys",
      [{ key_id: keyId, user_id: userId, name, secret_hash: record.secretHash, created_at: at, expires_at: record.expiresAt, revoked_at: null, updated_at: at }],
      { tag: "auth:create-key" },
    );
    return { key: `ck_${keyId.replaceAll("-", "")}_${secret}`, record };
  }

  async apiKey(keyId: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.warehouse.query<{ key_id: string; user_id: string; name: string; secret_hash: string; created_at: string; expires_at: string | null; revoked_at: string | null }>({
      sql: "SELECT key_id, user_id, name, secret_hash, created_at, expires_at, revoked_at FROM api_keys FINAL WHERE key_id = {id:UUID}",
      params: { id: keyId },
      tag: "auth:api-key",
    });
    return row ? { keyId: row.key_id, userId: row.user_id, name: row.name, secretHash: row.secret_hash, createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at } : null;
  }

  async apiKeysOf(userId: string | null): Promise<ApiKeyRecord[]> {
    const rows = await this.warehouse.query<{ key_id: string; user_id: string; name: string; secret_hash: string; created_at: string; expires_at: string | null; revoked_at: string | null }>({
      sql: "SELECT key_id, user_id, name, secret_hash, created_at, expires_at, revoked_at FROM api_keys FINAL WHERE {user:Nullable(UUID)} IS NULL OR user_id = {user:Nullable(UUID)} ORDER BY created_at DESC",
      params: { user: userId },
      tag: "auth:api-keys",
    });
    return rows.map((row) => ({ keyId: row.key_id, userId: row.user_id, name: row.name, secretHash: row.secret_hash, createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at }));
  }

  async revokeApiKey(record: ApiKeyRecord): Promise<void> {
    const at = now();
    await this.warehouse.insert(
      "api_keys",
      [{ key_id: record.keyId, user_id: record.userId, name: record.name, secret_hash: record.secretHash, created_at: record.createdAt, expires_at: record.expiresAt, revoked_at: at, updated_at: at }],
      { tag: "auth:revoke-key" },
    );
  }
}
