import { describe, expect, it } from "vitest";
import { expiryDays, keyState, newAccountProblem, passwordProblem, sortKeys } from "../src/features/account/account-view";

describe("the account page's checks", () => {
  it("asks for 12 to 1 000 characters and the same password twice", () => {
    expect(passwordProblem("court", "court")).toBe("short");
    expect(passwordProblem("x".repeat(1001), "x".repeat(1001))).toBe("long");
    expect(passwordProblem("un mot de passe assez long", "un mot de passe assez lon")).toBe("mismatch");
    expect(passwordProblem("un mot de passe assez long", "un mot de passe assez long")).toBeNull();
  });

  it("says a key is revoked, expired or active, and lists the active ones first, newest first", () => {
    const now = new Date("2026-11-27T12:00:00Z");
    expect(keyState({ revokedAt: "2026-11-01T00:00:00Z", expiresAt: null }, now)).toBe("revoked");
    expect(keyState({ revokedAt: null, expiresAt: "2026-11-27T12:00:00Z" }, now)).toBe("expired");
    expect(keyState({ revokedAt: null, expiresAt: "2026-11-28T00:00:00Z" }, now)).toBe("active");
    expect(keyState({}, now)).toBe("active");
    const keys = [
      { name: "old", createdAt: "2026-01-01T00:00:00Z", revokedAt: null, expiresAt: null },
      { name: "revoked", createdAt: "2026-11-20T00:00:00Z", revokedAt: "2026-11-21T00:00:00Z", expiresAt: null },
      { name: "new", createdAt: "2026-11-25T00:00:00Z", revokedAt: null, expiresAt: null },
    ];
    expect(sortKeys(keys, now).map((k) => k.name)).toEqual(["new", "old", "revoked"]);
  });

  it("checks a new account as the server would: login, name, no country for an administrator, password", () => {
    const ok = { login: "ministere.bf", displayName: "Ministère BF", role: "MINISTRY", country: "BF", password: "un mot de passe assez long" };
    expect(newAccountProblem(ok)).toBeNull();
    expect(newAccountProblem({ ...ok, login: "a" })).toBe("login");
    expect(newAccountProblem({ ...ok, login: "pas d'espace" })).toBe("login");
    expect(newAccountProblem({ ...ok, login: "Ministere.BF" })).toBeNull();
    expect(newAccountProblem({ ...ok, displayName: "  " })).toBe("name");
    expect(newAccountProblem({ ...ok, role: "ADMIN" })).toBe("adminCountry");
    expect(newAccountProblem({ ...ok, role: "ADMIN", country: "" })).toBeNull();
    expect(newAccountProblem({ ...ok, password: "court" })).toBe("short");
  });

  it("reads a key's lifetime in days: empty is never, 1 to 3 650 otherwise", () => {
    expect(expiryDays("")).toBeNull();
    expect(expiryDays(" 365 ")).toBe(365);
    expect(expiryDays("0")).toBe("invalid");
    expect(expiryDays("3651")).toBe("invalid");
    expect(expiryDays("1.5")).toBe("invalid");
    expect(expiryDays("abc")).toBe("invalid");
  });
});
