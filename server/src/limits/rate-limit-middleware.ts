import type express from "express";
import type { AuditLog } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import type { RateLimiter } from "./rate-limiter.js";

/** The caller a request counts against: its API key, else its user, else its address. */
export function callerOf(principal: Principal | null, address: string): string {
  if (principal?.keyId) return `key:${principal.keyId}`;
  if (principal) return `user:${principal.userId}`;
  return `address:${address}`;
}

/**
 * 429 with Retry-After once a caller has used its requests; mounted after
 * authentication (it needs to know who asks) and before the body is read.
 * Refusals are audited like answers.
 */
export function rateLimit(limiter: RateLimiter, audit: AuditLog | null, entry: "graphql" | "csv"): express.RequestHandler {
  return (req, res, next) => {
    const principal = (res.locals.principal as Principal | null | undefined) ?? null;
    const address = req.ip ?? "";
    const verdict = limiter.take(callerOf(principal, address));
    if (verdict.allowed) {
      next();
      return;
    }
    res.locals.errorCode = "RATE_LIMITED";
    // Null where the route audits its own requests on the way out (the CSV export).
    audit?.record({ entry, principal, address, operationType: "refused", operationName: "", queryHash: "0".repeat(64), query: "", variables: {}, durationMs: 0, httpStatus: 429, outcome: "refused", errorCodes: ["RATE_LIMITED"] });
    res.setHeader("Retry-After", String(verdict.retryAfterSeconds));
    res.status(429).json({
      errors: [
        {
          message: `Trop de requêtes : réessayez dans ${verdict.retryAfterSeconds} s. / Too many requests: try again in ${verdict.retryAfterSeconds} s.`,
          extensions: { code: "RATE_LIMITED", retryAfterSeconds: verdict.retryAfterSeconds },
        },
      ],
    });
  };
}
