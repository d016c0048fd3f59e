import type { Logger, Warehouse } from "@corridor/warehouse";
import type { LoadSource } from "../load/load-log.js";
import { EXIT, UsageError, type CommandIo } from "./command-io.js";
import { loadCommand, type EtlSettings } from "./load-command.js";
import { quarantineCommand } from "./quarantine-command.js";
import { refreshCommand } from "./refresh-command.js";
import { statusCommand } from "./status.js";

export const USAGE = `Usage: pnpm etl <commande / command> …

  load <fichiers ou dossiers…> [--json]       charge les fichiers, dans l'ordre de leurs noms / loads files in name order
  status [--limit N] [--json]                derniers chargements et leurs compteurs / latest loads and their counters
  quarantine [--file NOM] [--reason CODE] [--feed FLUX] [--limit N] [--csv]
                                             enregistrements en quarantaine / quarantined records
  refresh --all | --from AAAA-MM --to AAAA-MM
                                             reconstruit les tables dérivées / rebuilds the derived tables
  generate --from AAAA-MM --to AAAA-MM [--scale S] [--seed N] --out DOSSIER
                                             écrit des données de démonstration dans les cinq flux / writes demo data in the five feeds

Codes de sortie / exit codes: 0 tout chargé / all loaded, 1 des enregistrements en quarantaine / some quarantined,
2 un fichier illisible / a file could not be read, 3 moteur occupé ou serveur injoignable / engine busy or server unreachable,
64 usage ou configuration invalide / bad usage or configuration.
`;

export const COMMANDS = ["load", "status", "quarantine", "refresh"] as const;
export type CommandName = (typeof COMMANDS)[number];

export function isCommand(name: string | undefined): name is CommandName {
  return COMMANDS.includes(name as CommandName);
}

/**
 * Runs one ETL command against a warehouse: in the CLI's own process, or in
 * the server's when the server owns the embedded engine (same code, same output).
 */
export async function runCommand(warehouse: Warehouse, argv: readonly string[], io: CommandIo, logger: Logger, settings: EtlSettings, source: LoadSource = "cli"): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "load":
        return await loadCommand(warehouse, args, io, logger, settings, source);
      case "status":
        return await statusCommand(warehouse, args, io);
      case "quarantine":
        return await quarantineCommand(warehouse, args, io);
      case "refresh":
        return await refreshCommand(warehouse, args, io, logger);
      default:
        throw new UsageError(`commande inconnue / unknown command: ${command ?? "(none)"}`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err.write(`${(error as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
}
