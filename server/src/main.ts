import "reflect-metadata";
import { ConfigError, createLogger, DataDirBusyError } from "@corridor/warehouse";
import { serverConfigFromEnv } from "./config.js";
import { loadDemoData } from "./demo/demo-load.js";
import { startServer } from "./start-server.js";

/** `pnpm start`: the whole platform in this one process. */
async function main(): Promise<number> {
  let config;
  try {
    config = serverConfigFromEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, name: "corridor" });
  let server;
  try {
    server = await startServer(config, logger);
  } catch (error) {
    if (error instanceof DataDirBusyError) {
      process.stderr.write(`\n${error.message}\n`);
      return 3;
    }
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      process.stderr.write(`\nLe port ${config.port} est déjà utilisé : choisissez-en un autre avec PORT=… / Port ${config.port} is in use: choose another with PORT=…\n`);
      return 3;
    }
    throw error;
  }
  // Handlers go in before the address is printed: whoever reads it may send a signal at once,
  // and a signal with no handler kills the process with the data directory still claimed.
  const running = server;
  let stopping = false;
  const shutdown = (signal: string) => {
    // Handlers stay installed: a second signal during the stop (a repeated Ctrl-C, or the
    // embedded engine re-raising) must not kill the process before the data directory is released.
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ error: String(error) }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  const status = await server.warehouse.query<{ n: string }>({ sql: "SELECT toString(count()) AS n FROM load_log FINAL WHERE status IN ('loaded', 'quarantined')", tag: "start:status" });
  const empty = status[0]?.n === "0";
  process.stdout.write(
    [
      "",
      "  Observatoire du corridor Lomé–AES / Lomé–AES Corridor Observatory",
      `  Tableau de bord / Dashboard : ${server.url}`,
      `  API GraphQL                 : ${server.url}graphql`,
      `  Moteur / Engine             : ${config.warehouse.mode === "embedded" ? `ClickHouse embarqué / embedded, ${config.warehouse.dataDir}` : config.warehouse.url}`,
      empty ? "  Entrepôt vide : aucun fichier chargé pour l'instant. / The warehouse is empty: no file loaded yet." : "",
      ...(server.firstAdmin?.generatedPassword
        ? [
            "",
            "  Premier administrateur créé / first administrator created (affiché une seule fois / shown once):",
            `    identifiant / login : ${server.firstAdmin.login}`,
            `    mot de passe / password : ${server.firstAdmin.generatedPassword}`,
            `    (aussi dans / also in ${config.warehouse.dataDir}/first-admin.txt)`,
          ]
        : []),
      "",
    ].join("\n"),
  );
  // The demo load runs behind the open server: the page shows the loads as they happen.
  loadDemoData(server.warehouse, server.load, config.demo, logger, (line) => process.stdout.write(`${line}\n`)).then(
    (outcome) => {
      if (outcome.kind === "loaded") {
        process.stdout.write(
          `  Données de démonstration chargées en ${outcome.seconds} s : ${outcome.files} fichiers, ${outcome.records.toLocaleString("fr-FR")} enregistrements (${outcome.quarantined} en quarantaine, exprès). / Demo data loaded in ${outcome.seconds} s.\n`,
        );
      }
    },
    (error: unknown) => logger.error({ error: error instanceof Error ? error.message : String(error) }, "demo load failed; it resumes at the next start"),
  );
  return -1; // keep running
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
