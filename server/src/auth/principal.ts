import type { Role } from "./roles.js";

/** Who is asking: a signed-in user (session) or a script (API key). */
export interface Principal {
  readonly userId: string;
  readonly login: string;
  readonly displayName: string;
  readonly role: Role;
  /** null: every country; else the one country whose detail this user sees. */
  readonly country: string | null;
  readonly language: "fr" | "en";
  readonly via: "session" | "api-key";
  readonly keyId: string | null;
}

/** Why presented credentials were refused (stable codes, docs/security.md). */
export type AuthFailure = "INVALID_CREDENTIALS" | "SESSION_EXPIRED" | "KEY_REVOKED" | "KEY_EXPIRED" | "ACCOUNT_DISABLED";
