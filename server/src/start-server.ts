import http from "node:http";
import { LoadQueue, makeLoader, markInterruptedLoads, watchInbox, type Inbox, type Loader } from "@corridor/etl";
import { openWarehouse, prepareWarehouse, type Logger, type Warehouse } from "@corridor/warehouse";
import path from "node:path";
import { createApp } from "./app.js";
import { AccessStore } from "./auth/access-store.js";
import { authRoutes } from "./auth/auth-routes.js";
import { Authenticator } from "./auth/authenticator.js";
import { ensureFirstAdmin, type FirstAdmin } from "./auth/first-admin.js";
import { publicUrl, type ServerConfig } from "./config.js";
import type { Services } from "./graphql/context.js";
import { MetricsService } from "./metrics/metrics-service.js";
import { exportRoutes } from "./export/export-routes.js";
import { AuditLog } from "./audit/audit-log.js";
import { AuditQueries } from "./queries/audit.queries.js";
import { RateLimiter } from "./limits/rate-limiter.js";
import { PlatformQueries } from "./queries/platform.queries.js";
import { ReferenceQueries } from "./queries/reference.queries.js";
import { buildCorridorSchema } from "./graphql/build-schema.js";
import { etlEndpoint } from "./internal/etl-endpoint.js";
import { createServerToken } from "./internal/server-token.js";
import { createReports } from "./reports/reports-module.js";

export interface RunningServer {
  readonly url: string;
  readonly warehouse: Warehouse;
  /** Every load of this process queues here (inbox, uploads, commands sent by the CLI). */
  readonly loads: LoadQueue;
  /** Loads files through the queue: the path the inbox, uploads and the demo load share. */
  readonly load: Loader;
  readonly inbox: Inbox | null;
  /** The administrator created at this start, if the platform had no user yet. */
  readonly firstAdmin: FirstAdmin | null;
  stop(): Promise<void>;
}

/**
 * Opens the warehouse (claiming an embedded data directory for this process),
 * migrates it, and serves API and dashboard on one port. Everything that needs
 * the engine runs in this process; other processes go through its URL.
 */
export async function startServer(config: ServerConfig, logger: Logger, env: Readonly<Record<string, string | undefined>> = process.env): Promise<RunningServer> {
  const warehouse = await openWarehouse(config.warehouse, { role: "server", logger });
  const token = createServerToken(config.warehouse.dataDir);
  try {
    await prepareWarehouse(warehouse, logger);
    const interrupted = await markInterruptedLoads(warehouse);
    if (interrupted > 0) logger.warn({ loads: interrupted }, "loads interrupted by a stop were marked; loading their files again completes them");
    const reference = new ReferenceQueries(warehouse);
    const platform = new PlatformQueries(warehouse);
    const metrics = new MetricsService(warehouse, reference, platform, { queryTimeoutMs: config.api.queryTimeoutMs, maxSourceRows: config.api.maxResultRows });
    const loads = new LoadQueue(() => metrics.dataChanged());
    const loader = makeLoader(warehouse, logger, config.etl);
    const load: Loader = (files, source, onProgress) => loads.run(() => loader(files, source, onProgress));
    const access = new AccessStore(warehouse);
    const firstAdmin = await ensureFirstAdmin(access, env, config.warehouse.dataDir, logger);
    const authenticator = new Authenticator(access, { sessionIdleMs: config.sessionIdleMs });
    const audit = new AuditLog(warehouse, logger);
    const reports = createReports({ warehouse, metrics, access, settings: config.reports, logger });
    const services: Services = {
      warehouse,
      reference,
      platform,
      audit,
      auditQueries: new AuditQueries(warehouse),
      metrics,
      access,
      authenticator,
      load,
      uploads: { dir: path.join(config.warehouse.dataDir, "uploads"), maxBytes: config.uploadMaxBytes },
      reports: reports.service,
    };
    const schema = await buildCorridorSchema();
    const rateLimiter = new RateLimiter(config.api.ratePerMinute, config.api.rateBurst);
    const httpServer = http.createServer();
    const routes = [await authRoutes({ store: access, authenticator, logger, sessionTtlMs: config.sessionTtlMs }), etlEndpoint({ warehouse, logger, token, queue: loads, settings: config.etl }), exportRoutes({ schema, authenticator, metrics: services.metrics, logger, audit, rateLimiter }), reports.routes({ authenticator, audit, rateLimiter })];
    const app = await createApp({ schema, warehouse, services, logger, webDir: config.webDir, httpServer, routes, limits: config.api, audit, rateLimiter, trustProxy: config.trustProxy });
    httpServer.on("request", app.handler);
    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const address = httpServer.address();
    const port = typeof address === "object" && address !== null ? address.port : config.port;
    const url = publicUrl(config.host, port);
    warehouse.claim?.setUrl(url);
    reports.scheduler.start();
    const inbox = config.inboxDir === null ? null : watchInbox({ dir: config.inboxDir, pollMs: config.inboxPollMs, load: (files) => load(files, "inbox"), logger });
    let stopped = false;
    return {
      url,
      warehouse,
      loads,
      load,
      inbox,
      firstAdmin,
      async stop() {
        if (stopped) return;
        stopped = true;
        await inbox?.stop();
        await reports.scheduler.stop(); // lets a report under way finish; one cut short resumes at the next start
        await app.stop(); // drains and closes the HTTP server
        await audit.stop(); // the last requests' audit rows
        token.remove();
        await warehouse.close();
      },
    };
  } catch (error) {
    token.remove();
    await warehouse.close();
    throw error;
  }
}
