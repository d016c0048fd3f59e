import { pipeline } from "node:stream/promises";
import type { Logger } from "@corridor/warehouse";
import express from "express";
import { coerceInputValue, isInputType, type GraphQLSchema } from "graphql";
import type { Authenticator } from "../auth/authenticator.js";
import { audited, authenticated, fail } from "../file-route-middleware.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import { rateLimit } from "../limits/rate-limit-middleware.js";
import type { RateLimiter } from "../limits/rate-limiter.js";
import type { MetricsService } from "../metrics/metrics-service.js";
import { ScopeError, scopeOf } from "../metrics/scope.js";
import { MetricQueryError } from "../metrics/query/plan.js";
import { toMetricRequest, type MetricQueryText } from "../metrics/query/request.js";
import { csvFileName, metricsCsvStream, type CsvLanguage } from "./metrics-csv.js";

export interface ExportRoutesOptions {
  readonly audit: AuditLog;
  readonly rateLimiter: RateLimiter;
  readonly schema: GraphQLSchema;
  readonly authenticator: Authenticator;
  readonly metrics: MetricsService;
  readonly logger: Logger;
}

/**
 * POST /api/metrics.csv with `{"query": <MetricQueryInput>, "language": "fr"|"en"}`:
 * the general query's answer as a CSV file. The body is checked against the
 * GraphQL input type itself, so defaults, enums and errors are those of
 * `metrics(query:)`. JSON only: a cross-site form cannot send it, which
 * keeps the session cookie from being used by another site (CSRF).
 */
export function exportRoutes(options: ExportRoutesOptions): express.Router {
  const router = express.Router();
  const inputType = options.schema.getType("MetricQueryInput");
  if (!inputType || !isInputType(inputType)) throw new Error("schema has no MetricQueryInput");

  // Every export is audited once its response is over, whatever its outcome.
  const audit = audited(options.audit, (req) => {
    const body = req.body as { query?: unknown; language?: unknown } | undefined;
    return { operationType: "csv", operationName: "metrics.csv", query: JSON.stringify(body?.query ?? null), variables: { language: body?.language ?? "fr" } };
  });
  // JSON only: a cross-site form cannot send it (CSRF).
  const json: express.RequestHandler = (req, res, next) => {
    if (req.is("application/json")) return next();
    fail(res, 415, "BAD_REQUEST", "Corps JSON attendu (Content-Type: application/json). / A JSON body is expected (Content-Type: application/json).");
  };

  router.post("/api/metrics.csv", audit, authenticated(options.authenticator), json, rateLimit(options.rateLimiter, null, "csv"), express.json({ limit: "256kb" }), async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as { query?: unknown; language?: unknown };
      const language: CsvLanguage = body.language === "en" ? "en" : "fr";
      const errors: string[] = [];
      const coerced = coerceInputValue(body.query ?? null, inputType, (path, _value, error) => errors.push(`query${path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("")} : ${error.message}`));
      if (errors.length > 0 || coerced === null || coerced === undefined) {
        fail(res, 400, "BAD_USER_INPUT", `Requête invalide / invalid query: ${errors.slice(0, 5).join(" ; ") || "query manquant / query missing"}`);
        return;
      }
      const request = toMetricRequest(coerced as MetricQueryText);
      const controller = new AbortController();
      res.on("close", () => controller.abort());
      const answer = await options.metrics.run(request, { scope: scopeOf(res.locals.principal as Principal), tag: "api:metrics-csv", signal: controller.signal });
      res.status(200);
      res.setHeader("Content-Type", "text/csv; charset=utf-8");
      res.setHeader("Content-Disposition", `attachment; filename="${csvFileName(request)}"`);
      res.setHeader("Cache-Control", "no-store");
      await pipeline(metricsCsvStream(request, answer, language), res);
    } catch (error) {
      // Cut mid-file (the client went away): nothing more can be said on this response.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof ScopeError) return fail(res, 403, "FORBIDDEN", error.message);
      if (error instanceof MetricQueryError) return fail(res, 400, "BAD_USER_INPUT", error.message);
      const kind = (error as { name?: string; kind?: string }).name === "WarehouseError" ? (error as { kind?: string }).kind : null;
      if (kind === "limit") return fail(res, 413, "RESULT_TOO_LARGE", "Réponse trop volumineuse : réduisez la période ou les dimensions. / The answer is too large: narrow the period or the dimensions.");
      if (kind === "timeout") return fail(res, 504, "QUERY_TIMEOUT", "La requête a dépassé son délai : réduisez la période ou le détail demandé. / The query took too long: narrow the period or the detail asked for.");
      options.logger.error({ error: error instanceof Error ? error.message : String(error) }, "CSV export failed");
      next(error);
    }
  });
  return router;
}
