/**
 * Checks and states for the account page, pure so they are tested (web/test/account-view.test.ts). The
 * server checks the same rules again; these only say what is wrong before a round trip.
 */

/** The server's rule (server/src/auth/secrets.ts): at least 12 characters, at most 1 000. */
export const MIN_PASSWORD = 12;
const MAX_PASSWORD = 1000;

export type PasswordProblem = "short" | "long" | "mismatch" | null;

export function passwordProblem(password: string, confirmation: string): PasswordProblem {
  if (password.length < MIN_PASSWORD) return "short";
  if (password.length > MAX_PASSWORD) return "long";
  if (password !== confirmation) return "mismatch";
  return null;
}

export type KeyState = "active" | "revoked" | "expired";

/** A key is refused once revoked or past its expiry; the list says which. */
export function keyState(key: { revokedAt?: string | null; expiresAt?: string | null }, now: Date): KeyState {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && Date.parse(key.expiresAt) <= now.getTime()) return "expired";
  return "active";
}

/** Active keys first, then the newest. */
export function sortKeys<T extends { createdAt: string; revokedAt?: string | null; expiresAt?: string | null }>(keys: readonly T[], now: Date): T[] {
  const rank = (k: T) => (keyState(k, now) === "active" ? 0 : 1);
  return [...keys].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
}

export interface NewAccount {
  readonly login: string;
  readonly displayName: string;
  readonly role: string;
  readonly country: string;
  readonly password: string;
}

export type AccountProblem = "login" | "name" | "adminCountry" | PasswordProblem;

/** What the server would refuse in a new account (access.resolver.ts), said before sending it. */
export function newAccountProblem(account: NewAccount): AccountProblem {
  if (!/^[a-z0-9._@-]{2,100}$/u.test(account.login.trim().toLowerCase())) return "login";
  if (account.displayName.trim().length === 0 || account.displayName.length > 200) return "name";
  if (account.role === "ADMIN" && account.country !== "") return "adminCountry";
  return passwordProblem(account.password, account.password);
}

/** `expiresInDays` for a key: empty means never; otherwise a whole number of days from 1 to 3 650. */
export function expiryDays(text: string): number | null | "invalid" {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (!/^\d{1,4}$/u.test(trimmed)) return "invalid";
  const days = Number(trimmed);
  return days >= 1 && days <= 3650 ? days : "invalid";
}
