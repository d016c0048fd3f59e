import type { IncomingMessage } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AccessStore, User } from "../src/auth/access-store.js";
import { Authenticator, SESSION_COOKIE } from "../src/auth/authenticator.js";

// The idle limit of dashboard sessions, on a clock the test moves: a session used within the limit
// stays open; one left unused past it is revoked and refused as expired.

const USER: User = { userId: "u1", login: "ministere", displayName: "Ministère", role: "ministry", country: null, language: "fr", disabled: false, passwordHash: "", createdAt: "2026-01-01T00:00:00.000Z" };

function store() {
  const revoked = new Set<string>();
  const fake = {
    revoked,
    session: async (token: string) => ({ userId: "u1", expiresAt: Date.now() + 12 * 3_600_000, revoked: revoked.has(token) }),
    userById: async () => USER,
    revokeSession: async (token: string) => void revoked.add(token),
  };
  return fake;
}
const request = (token: string) => ({ headers: { cookie: `${SESSION_COOKIE}=${token}` } }) as unknown as IncomingMessage;

describe("dashboard sessions end after a time without use", () => {
  afterEach(() => vi.useRealTimers());

  it("keeps a session in use open, and ends one left idle past the limit for good", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-27T08:00:00Z") });
    const access = store();
    const auth = new Authenticator(access as unknown as AccessStore, { sessionIdleMs: 30 * 60_000 });
    expect((await auth.authenticate(request("a"))).principal?.login).toBe("ministere");
    // Used every 20 minutes for two hours: never idle for 30.
    for (let i = 0; i < 6; i++) {
      vi.advanceTimersByTime(20 * 60_000);
      expect((await auth.authenticate(request("a"))).failure).toBeNull();
    }
    vi.advanceTimersByTime(31 * 60_000);
    expect(await auth.authenticate(request("a"))).toEqual({ principal: null, failure: "SESSION_EXPIRED" });
    expect(access.revoked.has("a")).toBe(true);
    // Revoked: refused from then on, whatever the clock.
    expect((await auth.authenticate(request("a"))).principal).toBeNull();
  });

  it("has no idle limit when it is 0", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-27T08:00:00Z") });
    const auth = new Authenticator(store() as unknown as AccessStore, { sessionIdleMs: 0 });
    expect((await auth.authenticate(request("b"))).failure).toBeNull();
    vi.advanceTimersByTime(11 * 3_600_000);
    expect((await auth.authenticate(request("b"))).failure).toBeNull();
  });
});
