import type { Logger } from "@corridor/warehouse";
import express from "express";
import type { AccessStore } from "./access-store.js";
import { readCookie, SESSION_COOKIE, type Authenticator } from "./authenticator.js";
import { LoginThrottle } from "./login-throttle.js";
import { hashPassword, verifyPassword } from "./secrets.js";

export interface AuthRoutesOptions {
  readonly store: AccessStore;
  readonly authenticator: Authenticator;
  readonly logger: Logger;
  readonly sessionTtlMs: number;
}

function cookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  // HttpOnly: scripts cannot read it; SameSite=Strict: other sites' pages cannot send it.
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}

const error = (code: string, message: string) => ({ error: { code, message } });

/** Sign-in and sign-out of the dashboard: POST /auth/login, POST /auth/logout, GET /auth/me. */
export async function authRoutes(options: AuthRoutesOptions): Promise<express.Router> {
  const { store, authenticator, logger } = options;
  const throttle = new LoginThrottle();
  // Unknown logins are checked against this, so both answers take the same time.
  const decoy = await hashPassword("decoy password, never used");
  const router = express.Router();

  router.post("/auth/login", express.json({ limit: "4kb" }), async (req, res) => {
    const body = req.body as { login?: unknown; password?: unknown } | undefined;
    if (typeof body?.login !== "string" || typeof body.password !== "string" || body.login.length > 200 || body.password.length > 1000) {
      res.status(400).json(error("BAD_REQUEST", "login et mot de passe attendus / login and password expected"));
      return;
    }
    const login = body.login.trim().toLowerCase();
    const address = req.socket.remoteAddress ?? "";
    const wait = throttle.retryAfter(address, login);
    if (wait > 0) {
      res.status(429).set("Retry-After", String(Math.ceil(wait / 1000))).json(error("TOO_MANY_ATTEMPTS", "Trop d'essais : réessayez plus tard. / Too many attempts: try again later."));
      return;
    }
    const user = await store.userByLogin(login);
    const valid = await verifyPassword(body.password, user?.passwordHash ?? decoy);
    if (!user || !valid || user.disabled) {
      throttle.fail(address, login);
      logger.warn({ login, address }, "sign-in refused");
      res.status(401).json(error("INVALID_CREDENTIALS", "Identifiant ou mot de passe incorrect. / Wrong login or password."));
      return;
    }
    throttle.succeed(address, login);
    const session = await store.createSession(user.userId, options.sessionTtlMs);
    res.setHeader("Set-Cookie", cookie(session.token, Math.floor(options.sessionTtlMs / 1000), req.secure));
    res.json({ user: { login: user.login, displayName: user.displayName, role: user.role, country: user.country, language: user.language } });
  });

  router.post("/auth/logout", async (req, res) => {
    const auth = await authenticator.authenticate(req);
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) await store.revokeSession(token);
    authenticator.invalidate();
    res.setHeader("Set-Cookie", cookie("", 0, req.secure));
    res.json({ signedOut: auth.principal !== null });
  });

  router.get("/auth/me", async (req, res) => {
    const auth = await authenticator.authenticate(req);
    if (!auth.principal) {
      res.status(401).json(error(auth.failure ?? "UNAUTHENTICATED", "Non connecté. / Not signed in."));
      return;
    }
    const { login, displayName, role, country, language } = auth.principal;
    res.json({ user: { login, displayName, role, country, language } });
  });

  return router;
}
