import { parseArgs } from "node:util";
import { ConfigError, createLogger, DataDirBusyError, warehouseConfigFromEnv } from "@corridor/warehouse";
import { formatLoads, recentLoads } from "./commands/status.js";
import { accessEngine } from "./engine-access.js";

/** Exit codes (also in the README): 0 success, 2 unreadable input or usage, 3 engine busy or unreachable. */
export const EXIT = { ok: 0, usage: 2, busy: 3 } as const;

const USAGE = `Usage: pnpm etl <command>

Commandes / commands:
  status [--limit N] [--json]   derniers chargements et leurs compteurs / latest loads and their counters
`;

export async function runCli(argv: readonly string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help") {
    out.write(USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  let config;
  try {
    config = warehouseConfigFromEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      err.write(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const logger = createLogger({ level: (process.env.LOG_LEVEL as "info" | undefined) ?? "warn", name: "etl" });
  if (command !== "status") {
    err.write(`Commande inconnue / unknown command: ${command}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values } = parseArgs({ args: [...rest], options: { limit: { type: "string", default: "20" }, json: { type: "boolean", default: false } }, strict: true });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    err.write("--limit: un entier de 1 à 1000 / an integer from 1 to 1000\n");
    return EXIT.usage;
  }
  let access;
  try {
    access = await accessEngine(config, logger);
  } catch (error) {
    if (error instanceof DataDirBusyError) {
      err.write(`${error.message}\n`);
      return EXIT.busy;
    }
    throw error;
  }
  try {
    const loads = await recentLoads(access, limit);
    out.write(values.json ? `${JSON.stringify({ via: access.kind, loads }, null, 2)}\n` : formatLoads(loads));
    return EXIT.ok;
  } finally {
    if (access.kind === "direct") await access.warehouse.close();
  }
}
