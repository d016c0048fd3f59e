import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import type { Logger, Warehouse } from "@corridor/warehouse";
import compression from "compression";
import express from "express";
import type { GraphQLSchema } from "graphql";
import helmet from "helmet";
import { FAILURE_MESSAGES } from "./auth/authenticator.js";
import type { Context, Services } from "./graphql/context.js";
import { maskError } from "./graphql/errors.js";
import { auditPlugin } from "./audit/audit-plugin.js";
import type { AuditLog } from "./audit/audit-log.js";
import type { ApiLimits } from "./limits/api-limits.js";
import { costLimitPlugin } from "./limits/cost-plugin.js";
import { operationKindPlugin } from "./limits/operation-plugin.js";
import { aliasLimitRule, depthLimitRule } from "./limits/document-rules.js";
import { callerOf, rateLimit } from "./limits/rate-limit-middleware.js";
import type { RateLimiter } from "./limits/rate-limiter.js";

export interface AppOptions {
  readonly schema: GraphQLSchema;
  readonly warehouse: Warehouse;
  readonly services: Services;
  readonly logger: Logger;
  readonly webDir: string;
  readonly httpServer: http.Server;
  /** More routes, mounted before the API and the dashboard (sign-in, the ETL channel of the CLI). */
  readonly routes?: readonly express.Router[];
  readonly limits: ApiLimits;
  readonly audit: AuditLog;
  readonly rateLimiter: RateLimiter;
  /** Express's `trust proxy` setting (hops, addresses or subnets); null when clients connect directly. */
  readonly trustProxy: string | number | null;
}

export interface App {
  readonly handler: express.Express;
  stop(): Promise<void>;
}

/** GraphQL at /graphql, health at /healthz, the dashboard at / — one port. */
export async function createApp(options: AppOptions): Promise<App> {
  const { schema, warehouse, services, logger, webDir, httpServer, limits, audit, rateLimiter } = options;
  const apollo = new ApolloServer<Context>({
    schema,
    // The default landing page loads Apollo Sandbox from a CDN; nothing may load from outside.
    // Cache control is off: no answer carries cache hints (each is per caller), and its per-field hook
    // would wrap every resolver, a cost paid on each of the hundreds of cells of an answer.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), auditPlugin(audit), operationKindPlugin(), costLimitPlugin(schema, limits.maxCost)],
    // Automatic persisted queries are not offered: a wrong hash would come back as an uncoded error,
    // and a cache of documents keyed by clients is one more thing to bound.
    persistedQueries: false,
    validationRules: [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)],
    // A document of a million tokens is refused while parsing, before any rule walks it.
    parseOptions: { maxTokens: limits.maxTokens },
    // One operation per request: a batch would multiply every limit above.
    allowBatchedHttpRequests: false,
    introspection: true, // analysts explore the schema
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown (it must release the data directory); Apollo would re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: maskError(logger),
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  // Behind a TLS proxy (TRUST_PROXY): client addresses and https come from its headers, so
  // rate limits and the audit see the real client and the session cookie is marked Secure.
  if (options.trustProxy !== null) app.set("trust proxy", options.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Charts set inline style attributes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:", "blob:"],
          connectSrc: ["'self'"],
          // GraphiQL's stylesheet embeds its fonts as data: URLs (nothing is fetched from outside).
          fontSrc: ["'self'", "data:"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // Served over plain HTTP on a local network by default; HSTS belongs to the TLS proxy in front.
      strictTransportSecurity: false,
    }),
  );
  app.use(compression());

  for (const router of options.routes ?? []) app.use(router);

  app.get("/healthz", async (_req, res) => {
    const ok = await warehouse.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "unavailable", engine: warehouse.info.mode });
  });

  // Room for an upload's base64 body; every other request is far smaller.
  const bodyLimit = Math.ceil(services.uploads.maxBytes / 3) * 4 + 64 * 1024;
  app.use(
    "/graphql",
    // Credentials are checked before anything else: a request with bad ones stops here, with 401.
    async (req, res, next) => {
      try {
        const auth = await services.authenticator.authenticate(req);
        if (auth.failure !== null) {
          // Refused credentials count against the address: guessing keys costs a lookup each, so it is bounded too.
          const verdict = rateLimiter.take(callerOf(null, req.ip ?? ""));
          if (!verdict.allowed) {
            res.setHeader("Retry-After", String(verdict.retryAfterSeconds));
            res.status(429).json({ errors: [{ message: "Trop de requêtes. / Too many requests.", extensions: { code: "RATE_LIMITED", retryAfterSeconds: verdict.retryAfterSeconds } }] });
            return;
          }
          audit.record({ entry: "graphql", principal: null, address: req.ip ?? "", operationType: "refused", operationName: "", queryHash: "0".repeat(64), query: "", variables: {}, durationMs: 0, httpStatus: 401, outcome: "refused", errorCodes: [auth.failure] });
          res.status(401).json({ errors: [{ message: FAILURE_MESSAGES[auth.failure], extensions: { code: auth.failure } }] });
          return;
        }
        res.locals.principal = auth.principal;
        next();
      } catch (error) {
        next(error);
      }
    },
    rateLimit(rateLimiter, audit, "graphql"),
    express.json({ limit: bodyLimit }),
    expressMiddleware(apollo, { context: async ({ req, res }) => ({ services, logger, principal: (res.locals.principal as Context["principal"]) ?? null, address: req.ip ?? "" }) }),
  );

  const index = path.join(webDir, "index.html");
  if (fs.existsSync(index)) {
    // Hashed assets never change: cache them for a year; index.html is checked each time.
    app.use("/assets", express.static(path.join(webDir, "assets"), { immutable: true, maxAge: "1y", fallthrough: false }));
    app.use(express.static(webDir, { index: false, maxAge: 0 }));
    // The query explorer is a page of its own (GraphiQL, bundled): analysts open /explorer.
    app.get("/explorer", (_req, res) => res.sendFile(path.join(webDir, "explorer.html"), { headers: { "Cache-Control": "no-cache" } }));
    app.get("/{*path}", (_req, res) => res.sendFile(index, { headers: { "Cache-Control": "no-cache" } }));
  } else {
    logger.warn({ webDir }, "dashboard not built; serving a notice at /");
    app.get("/", (_req, res) => {
      res.type("html").send('<!doctype html><html lang="fr"><meta charset="utf-8"><title>Observatoire du corridor</title><p>Le tableau de bord n\'est pas construit : lancez <code>pnpm build</code>. L\'API répond sur <a href="/graphql">/graphql</a>.</p><p lang="en">The dashboard is not built: run <code>pnpm build</code>. The API answers at /graphql.</p></html>');
    });
  }

  // Bodies that fail JSON parsing, or are too large, get a 4xx with a plain reason, never a 500 or a stack.
  app.use((error: { status?: number; type?: string; message?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof error.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ error: error.message }, "unhandled request error");
    res.status(status).json({ errors: [{ message: status === 413 ? "Requête trop volumineuse. / Request too large." : status === 500 ? "Erreur interne. / Internal error." : "Requête invalide. / Bad request.", extensions: { code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" } }] });
  });

  return { handler: app, stop: () => apollo.stop() };
}
