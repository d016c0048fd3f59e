import type { Logger, Warehouse } from "@corridor/warehouse";
import type express from "express";
import type { AccessStore } from "../auth/access-store.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { Authenticator } from "../auth/authenticator.js";
import type { RateLimiter } from "../limits/rate-limiter.js";
import type { MetricsService } from "../metrics/metrics-service.js";
import { FeedActivityQueries } from "../queries/feed-activity.queries.js";
import { Mailer } from "./mailer.js";
import { reportRoutes } from "./report-routes.js";
import { ReportScheduler } from "./report-scheduler.js";
import { ReportService } from "./report-service.js";
import type { ReportSettings } from "./report-settings.js";
import { ReportStore } from "./report-store.js";
import { RunExecutor } from "./run-executor.js";

export interface ReportsModule {
  readonly service: ReportService;
  readonly scheduler: ReportScheduler;
  readonly executor: RunExecutor;
  /** The download route, built once the HTTP side's parts exist. */
  routes(options: { authenticator: Authenticator; audit: AuditLog; rateLimiter: RateLimiter }): express.Router;
}

/** The reports' parts, wired for one server: the scheduler is started and stopped by start-server. */
export function createReports(options: { warehouse: Warehouse; metrics: MetricsService; access: AccessStore; settings: ReportSettings; logger: Logger }): ReportsModule {
  const store = new ReportStore(options.warehouse);
  const logger = options.logger.child({ part: "reports" });
  const executor = new RunExecutor({
    store,
    sources: { metrics: options.metrics, warehouse: options.warehouse, feedActivity: new FeedActivityQueries(options.warehouse) },
    settings: options.settings,
    mailer: options.settings.smtp ? new Mailer(options.settings.smtp) : null,
    logger,
  });
  const service = new ReportService(store, options.access, executor, options.settings);
  const scheduler = new ReportScheduler(store, executor, options.settings, logger);
  return { service, scheduler, executor, routes: (http) => reportRoutes({ reports: service, executor, logger, ...http }) };
}
