import fs from "node:fs";
import path from "node:path";
import { DataDirBusyError, liveOwner, openWarehouse, prepareWarehouse, type Logger, type Warehouse, type WarehouseConfig } from "@corridor/warehouse";

/** File in DATA_DIR holding the server's token for commands sent by the CLI; readable by the server's user only. */
export const SERVER_TOKEN_FILE = "server.token";

/**
 * How a command reaches the engine. Embedded, one process owns the data
 * directory: when that is the platform server, commands go through it; when
 * it is another command, they stop with a message saying what to do.
 */
export type EngineAccess = { kind: "direct"; warehouse: Warehouse } | { kind: "server"; url: string; token: string };

export async function accessEngine(config: WarehouseConfig, logger: Logger): Promise<EngineAccess> {
  if (config.mode === "embedded") {
    const owner = liveOwner(config.dataDir);
    if (owner !== null && owner.role === "server" && owner.url !== null) {
      const token = fs.readFileSync(path.join(config.dataDir, SERVER_TOKEN_FILE), "utf8").trim();
      return { kind: "server", url: owner.url, token };
    }
    if (owner !== null) throw new DataDirBusyError(config.dataDir, owner);
  }
  const warehouse = await openWarehouse(config, { role: "cli", logger });
  try {
    // This process owns the engine now: the schema may be new or older than the code.
    await prepareWarehouse(warehouse, logger);
  } catch (error) {
    await warehouse.close();
    throw error;
  }
  return { kind: "direct", warehouse };
}

export interface RemoteResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Sends a command to the running server, which runs it as the CLI would and returns its output. */
export async function runOnServer(url: string, token: string, argv: readonly string[]): Promise<RemoteResult> {
  let response: Response;
  try {
    response = await fetch(new URL("internal/etl", url), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ argv }),
    });
  } catch (error) {
    throw new Error(`Le serveur ${url} ne répond pas / the server at ${url} does not answer: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`Le serveur a refusé la commande / the server refused the command: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as RemoteResult;
}
