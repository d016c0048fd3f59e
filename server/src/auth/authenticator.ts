import type { IncomingMessage } from "node:http";
import type { AccessStore, User } from "./access-store.js";
import type { AuthFailure, Principal } from "./principal.js";
import { sameSecretHash, sha256Hex } from "./secrets.js";

export const SESSION_COOKIE = "corridor_session";

export type AuthResult = { principal: Principal | null; failure: null } | { principal: null; failure: AuthFailure };

const NONE: AuthResult = { principal: null, failure: null };

/** `name=value` pairs of a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      // A malformed escape (`%` alone) is a wrong token (refused as such), not a server error.
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return null;
}

function principalOf(user: User, via: Principal["via"], keyId: string | null): Principal {
  return { userId: user.userId, login: user.login, displayName: user.displayName, role: user.role, country: user.country, language: user.language, via, keyId };
}

const KEY_FORMAT = /^ck_([0-9a-f]{32})_([A-Za-z0-9_-]{20,100})$/u;

/**
 * Resolves a request's credentials: an API key in `Authorization: Bearer`, or
 * the dashboard's session cookie. Results are cached for `cacheMs` so a busy
 * client does not cost a lookup per request; revoking through this process
 * clears the cache at once, elsewhere within `cacheMs`.
 */
export class Authenticator {
  private readonly cache = new Map<string, { result: AuthResult; until: number }>();
  /** When each session was last used, by its token's hash: kept in memory, so a restart starts every count again. */
  private readonly lastUse = new Map<string, number>();
  private readonly cacheMs: number;
  private readonly sessionIdleMs: number;

  /** `sessionIdleMs`: a session unused this long is ended (0: never), so a dashboard left open on a shared computer closes itself. */
  constructor(
    private readonly store: AccessStore,
    options: { cacheMs?: number; sessionIdleMs?: number } = {},
  ) {
    this.cacheMs = options.cacheMs ?? 30_000;
    this.sessionIdleMs = options.sessionIdleMs ?? 0;
  }

  async authenticate(request: IncomingMessage): Promise<AuthResult> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/iu.exec(header);
      return match ? this.cached(`key:${sha256Hex(match[1] as string)}`, () => this.byKey(match[1] as string)) : { principal: null, failure: "INVALID_CREDENTIALS" };
    }
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!token) return NONE;
    const id = `session:${sha256Hex(token)}`;
    const result = await this.cached(id, () => this.bySession(token));
    return result.principal === null ? result : this.touch(id, token, result);
  }

  /** Counts a session's use; one unused past the idle limit is ended for good (revoked), and refused as expired. */
  private async touch(id: string, token: string, result: AuthResult): Promise<AuthResult> {
    if (this.sessionIdleMs <= 0) return result;
    const now = Date.now();
    const last = this.lastUse.get(id);
    if (last !== undefined && now - last > this.sessionIdleMs) {
      this.lastUse.delete(id);
      this.cache.delete(id);
      // Revoked, so it stays ended after a restart; if the warehouse cannot take that now, the refusal stands anyway.
      await this.store.revokeSession(token).catch(() => undefined);
      return { principal: null, failure: "SESSION_EXPIRED" };
    }
    if (this.lastUse.size > 50_000) for (const [key, at] of this.lastUse) if (now - at > this.sessionIdleMs) this.lastUse.delete(key);
    this.lastUse.set(id, now);
    return result;
  }

  /** Forget everything cached (after a revocation, a role change, a sign-out). */
  invalidate(): void {
    this.cache.clear();
  }

  private async cached(id: string, resolve: () => Promise<AuthResult>): Promise<AuthResult> {
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return hit.result;
    const result = await resolve();
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { result, until: Date.now() + this.cacheMs });
    return result;
  }

  private async byKey(presented: string): Promise<AuthResult> {
    const match = KEY_FORMAT.exec(presented);
    if (!match) return { principal: null, failure: "INVALID_CREDENTIALS" };
    const hex = match[1] as string;
    const keyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const record = await this.store.apiKey(keyId);
    if (!record || !sameSecretHash(record.secretHash, sha256Hex(match[2] as string))) return { principal: null, failure: "INVALID_CREDENTIALS" };
    if (record.revokedAt !== null) return { principal: null, failure: "KEY_REVOKED" };
    if (record.expiresAt !== null && Date.parse(record.expiresAt) <= Date.now()) return { principal: null, failure: "KEY_EXPIRED" };
    const user = await this.store.userById(record.userId);
    if (!user) return { principal: null, failure: "INVALID_CREDENTIALS" };
    if (user.disabled) return { principal: null, failure: "ACCOUNT_DISABLED" };
    return { principal: principalOf(user, "api-key", keyId), failure: null };
  }

  private async bySession(token: string): Promise<AuthResult> {
    const session = await this.store.session(token);
    if (!session || session.revoked) return { principal: null, failure: "INVALID_CREDENTIALS" };
    if (session.expiresAt <= Date.now()) return { principal: null, failure: "SESSION_EXPIRED" };
    const user = await this.store.userById(session.userId);
    if (!user) return { principal: null, failure: "INVALID_CREDENTIALS" };
    if (user.disabled) return { principal: null, failure: "ACCOUNT_DISABLED" };
    return { principal: principalOf(user, "session", null), failure: null };
  }
}

/** Bilingual messages of the failure codes, for clients. */
export const FAILURE_MESSAGES: Readonly<Record<AuthFailure, string>> = {
  INVALID_CREDENTIALS: "Identifiants invalides. / Invalid credentials.",
  SESSION_EXPIRED: "Session expirée : reconnectez-vous. / Session expired: sign in again.",
  KEY_REVOKED: "Cette clé d'API a été révoquée. / This API key was revoked.",
  KEY_EXPIRED: "Cette clé d'API a expiré. / This API key has expired.",
  ACCOUNT_DISABLED: "Ce compte est désactivé. / This account is disabled.",
};
