import type express from "express";
import type { AuditLog } from "./audit/audit-log.js";
import { sha256 } from "./audit/audit-plugin.js";
import { FAILURE_MESSAGES, type Authenticator } from "./auth/authenticator.js";
import type { Principal } from "./auth/principal.js";
import { AUTHENTICATION_REQUIRED } from "./graphql/auth-checker.js";

// What the routes answering with a file instead of GraphQL (the CSV export, report downloads) share:
// errors shaped like GraphQL's, credentials checked first, and one audit row per request.

/** Refuses a request with a GraphQL-shaped error, remembering its code for the audit row. */
export function fail(res: express.Response, status: number, code: string, message: string): void {
  res.locals.errorCode = code;
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** The caller must present valid credentials (401 otherwise); the principal is left in `res.locals.principal`. */
export function authenticated(authenticator: Authenticator): express.RequestHandler {
  return async (req, res, next) => {
    try {
      const auth = await authenticator.authenticate(req);
      if (auth.failure !== null || auth.principal === null) {
        fail(res, 401, auth.failure ?? "UNAUTHENTICATED", auth.failure ? FAILURE_MESSAGES[auth.failure] : AUTHENTICATION_REQUIRED);
        return;
      }
      res.locals.principal = auth.principal;
      next();
    } catch (error) {
      next(error);
    }
  };
}

export interface AuditedOperation {
  readonly operationType: string;
  readonly operationName: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** Records the request in the audit log once its response is over, whatever its outcome. */
export function audited(audit: AuditLog, describe: (req: express.Request) => AuditedOperation): express.RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on("close", () => {
      const operation = describe(req);
      const status = res.statusCode;
      audit.record({
        entry: "csv",
        principal: (res.locals.principal as Principal | undefined) ?? null,
        address: req.ip ?? "",
        ...operation,
        queryHash: sha256(operation.query),
        durationMs: performance.now() - started,
        httpStatus: status,
        outcome: status < 400 ? "ok" : status === 401 || status === 429 ? "refused" : "error",
        errorCodes: res.locals.errorCode ? [String(res.locals.errorCode)] : status < 400 ? [] : [`HTTP_${status}`],
      });
    });
    next();
  };
}
