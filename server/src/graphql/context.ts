import type { Loader } from "@corridor/etl";
import type { Logger, Warehouse } from "@corridor/warehouse";
import type { AccessStore } from "../auth/access-store.js";
import type { Authenticator } from "../auth/authenticator.js";
import type { Principal } from "../auth/principal.js";
import type { MetricsService } from "../metrics/metrics-service.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { AuditQueries } from "../queries/audit.queries.js";
import type { PlatformQueries } from "../queries/platform.queries.js";
import type { ReferenceQueries } from "../queries/reference.queries.js";
import type { ReportService } from "../reports/report-service.js";

/** What resolvers use, built once per server and shared by requests. */
export interface Services {
  /** For query modules that read the warehouse themselves (policy questions); resolvers never write SQL. */
  readonly warehouse: Warehouse;
  readonly metrics: MetricsService;
  readonly audit: AuditLog;
  readonly auditQueries: AuditQueries;
  readonly reference: ReferenceQueries;
  readonly platform: PlatformQueries;
  readonly access: AccessStore;
  readonly authenticator: Authenticator;
  /** Loads uploaded files through the server's load queue; absent where the server does not load (tests of the schema). */
  readonly load: Loader | null;
  readonly uploads: { readonly dir: string; readonly maxBytes: number };
  /** Scheduled reports: schedules, runs, re-sends (docs/reports.md). */
  readonly reports: ReportService;
}

export interface Context {
  readonly services: Services;
  readonly logger: Logger;
  /** Who is asking; null when no credentials were presented. */
  readonly principal: Principal | null;
  /** The client's address, for the audit log and rate limits. */
  readonly address: string;
}
