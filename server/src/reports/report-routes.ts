import type { Logger } from "@corridor/warehouse";
import express from "express";
import type { AuditLog } from "../audit/audit-log.js";
import type { Authenticator } from "../auth/authenticator.js";
import type { Principal } from "../auth/principal.js";
import { audited, authenticated, fail } from "../file-route-middleware.js";
import { rateLimit } from "../limits/rate-limit-middleware.js";
import type { RateLimiter } from "../limits/rate-limiter.js";
import { CONTENT_TYPES, artefactFileName, isRunId, readArtefact } from "./artefact-files.js";
import { renderCsv } from "./render/render-csv.js";
import { REPORT_FORMATS, type ReportFormat } from "./report-records.js";
import { REPORT_VIEWERS, type ReportService } from "./report-service.js";
import type { RunExecutor } from "./run-executor.js";

export interface ReportRoutesOptions {
  readonly reports: ReportService;
  readonly executor: RunExecutor;
  readonly authenticator: Authenticator;
  readonly audit: AuditLog;
  readonly rateLimiter: RateLimiter;
  readonly logger: Logger;
}

/**
 * GET /api/reports/runs/:id/:format?language=fr|en — an archived document of
 * a run (pdf, xlsx; csv is written from the run's archived figures when it was
 * not archived). Same credentials, rate limit and audit as the CSV export;
 * the caller must be allowed to see the run's schedule.
 */
export function reportRoutes(options: ReportRoutesOptions): express.Router {
  const router = express.Router();
  // Audited like the CSV export, the other entry that answers with a file instead of GraphQL.
  const audit = audited(options.audit, (req) => ({ operationType: "download", operationName: "reports.download", query: `${req.method} ${req.path}`, variables: { language: req.query.language ?? null } }));
  const viewer: express.RequestHandler = (_req, res, next) => {
    if (REPORT_VIEWERS.includes((res.locals.principal as Principal).role)) return next();
    fail(res, 403, "FORBIDDEN", "Votre rôle ne permet pas cette opération. / Your role does not allow this operation.");
  };

  router.get("/api/reports/runs/:id/:format", audit, authenticated(options.authenticator), viewer, rateLimit(options.rateLimiter, null, "csv"), async (req, res, next) => {
    try {
      const id = String(req.params.id);
      const format = String(req.params.format) as ReportFormat;
      const language = req.query.language === "en" ? "en" : req.query.language === undefined || req.query.language === "fr" ? "fr" : null;
      if (!isRunId(id) || !(REPORT_FORMATS as readonly string[]).includes(format) || language === null) {
        fail(res, 404, "NOT_FOUND", "Document inconnu. / Unknown document.");
        return;
      }
      const run = await options.reports.run(id, res.locals.principal as Principal);
      if (!run) {
        fail(res, 404, "NOT_FOUND", "Exécution inconnue. / Unknown run.");
        return;
      }
      const artefact = run.artefacts.find((a) => a.format === format && a.language === language);
      let bytes: Buffer;
      let file: string;
      if (artefact) {
        bytes = await readArtefact(options.reports.settings.dir, run.id, artefact);
        file = artefact.file;
      } else if (format === "csv" && run.artefacts.some((a) => a.format === "json")) {
        const document = await options.executor.archivedDocument(run);
        bytes = renderCsv(document, language);
        file = artefactFileName(run.kind, run.period, language, "csv");
      } else {
        fail(res, 404, "NOT_FOUND", "Ce document n'a pas été produit pour cette exécution. / This document was not produced for this run.");
        return;
      }
      res.status(200);
      res.setHeader("Content-Type", CONTENT_TYPES[format]);
      res.setHeader("Content-Disposition", `attachment; filename="${file}"`);
      res.setHeader("Cache-Control", "private, no-store");
      res.end(bytes);
    } catch (error) {
      options.logger.error({ error: error instanceof Error ? error.message : String(error) }, "report download failed");
      next(error);
    }
  });
  return router;
}
