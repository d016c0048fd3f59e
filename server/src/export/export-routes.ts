import { pipeline } from "node:stream/promises";
import type { Logger } from "@corridor/warehouse";
import express from "express";
import { coerceInputValue, isInputType, type GraphQLSchema } from "graphql";
import { FAILURE_MESSAGES, type Authenticator } from "../auth/authenticator.js";
import { AUTHENTICATION_REQUIRED } from "../graphql/auth-checker.js";
import type { MetricsService } from "../metrics/metrics-service.js";
import { MetricQueryError } from "../metrics/query/plan.js";
import { toMetricRequest, type MetricQueryText } from "../metrics/query/request.js";
import { csvFileName, metricsCsvStream, type CsvLanguage } from "./metrics-csv.js";

export interface ExportRoutesOptions {
  readonly schema: GraphQLSchema;
  readonly authenticator: Authenticator;
  readonly metrics: MetricsService;
  readonly logger: Logger;
}

const problem = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

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

  router.post("/api/metrics.csv", async (req, res, next) => {
    try {
      const auth = await options.authenticator.authenticate(req);
      if (auth.failure !== null || auth.principal === null) {
        const code = auth.failure ?? "UNAUTHENTICATED";
        res.status(401).json(problem(code, auth.failure ? FAILURE_MESSAGES[auth.failure] : AUTHENTICATION_REQUIRED));
        return;
      }
      if (!req.is("application/json")) {
        res.status(415).json(problem("BAD_REQUEST", "Corps JSON attendu (Content-Type: application/json). / A JSON body is expected (Content-Type: application/json)."));
        return;
      }
      next();
    } catch (error) {
      next(error);
    }
  });

  router.post("/api/metrics.csv", express.json({ limit: "256kb" }), async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as { query?: unknown; language?: unknown };
      const language: CsvLanguage = body.language === "en" ? "en" : "fr";
      const errors: string[] = [];
      const coerced = coerceInputValue(body.query ?? null, inputType, (path, _value, error) => errors.push(`query${path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("")} : ${error.message}`));
      if (errors.length > 0 || coerced === null || coerced === undefined) {
        res.status(400).json(problem("BAD_USER_INPUT", `Requête invalide / invalid query: ${errors.slice(0, 5).join(" ; ") || "query manquant / query missing"}`));
        return;
      }
      const request = toMetricRequest(coerced as MetricQueryText);
      const controller = new AbortController();
      res.on("close", () => controller.abort());
      const answer = await options.metrics.run(request, { tag: "api:metrics-csv", signal: controller.signal });
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
      if (error instanceof MetricQueryError) {
        res.status(400).json(problem("BAD_USER_INPUT", error.message));
        return;
      }
      if ((error as { name?: string; kind?: string }).name === "WarehouseError" && (error as { kind?: string }).kind === "limit") {
        res.status(413).json(problem("RESULT_TOO_LARGE", "Réponse trop volumineuse : réduisez la période ou les dimensions. / The answer is too large: narrow the period or the dimensions."));
        return;
      }
      options.logger.error({ error: error instanceof Error ? error.message : String(error) }, "CSV export failed");
      next(error);
    }
  });
  return router;
}
