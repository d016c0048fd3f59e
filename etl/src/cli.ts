import path from "node:path";
import { ConfigError, createLogger, DataDirBusyError, warehouseConfigFromEnv } from "@corridor/warehouse";
import { EXIT, type CommandIo } from "./commands/command-io.js";
import { generateCommand } from "./commands/generate-command.js";
import { isCommand, runCommand, USAGE } from "./commands/run-command.js";
import { accessEngine, runOnServer } from "./engine-access.js";
import { etlSettingsFromEnv } from "./settings.js";

/** `pnpm etl …`: runs a command directly on the engine, or through the server that owns it. */
export async function runCli(argv: readonly string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === "help" || command === "--help") {
    out.write(USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === "generate") {
    // Writes files only: no engine, no server.
    return generateCommand(argv.slice(1), { out, err, interactive: Boolean((err as NodeJS.WriteStream).isTTY) });
  }
  if (!isCommand(command)) {
    err.write(`Commande inconnue / unknown command: ${command}\n\n${USAGE}`);
    return EXIT.usage;
  }
  let config;
  let settings;
  try {
    config = warehouseConfigFromEnv();
    settings = etlSettingsFromEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      err.write(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const logger = createLogger({ level: (process.env.LOG_LEVEL as "warn" | undefined) ?? "warn", name: "etl", destination: err });
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
  if (access.kind === "server") {
    err.write(`Le serveur de la plateforme détient le moteur : commande envoyée à ${access.url} / the platform server holds the engine: command sent to it.\n`);
    try {
      // File paths are resolved here: the server runs in its own working directory.
      const sent = command === "load" ? argv.map((arg, i) => (i > 0 && !arg.startsWith("-") ? path.resolve(arg) : arg)) : argv;
      const result = await runOnServer(access.url, access.token, sent);
      out.write(result.out);
      err.write(result.err);
      return result.code;
    } catch (error) {
      err.write(`${(error as Error).message}\n`);
      return EXIT.busy;
    }
  }
  const io: CommandIo = { out, err, interactive: Boolean((err as NodeJS.WriteStream).isTTY) };
  try {
    return await runCommand(access.warehouse, argv, io, logger, settings);
  } finally {
    await access.warehouse.close();
  }
}
