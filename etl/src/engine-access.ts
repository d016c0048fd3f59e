import { DataDirBusyError, liveOwner, openWarehouse, prepareWarehouse, type Logger, type Warehouse, type WarehouseConfig } from "@corridor/warehouse";

/**
 * How a command reaches the engine. Embedded, one process owns the data
 * directory: when that is the platform server, commands go through its URL;
 * when it is another command, they stop with a message saying what to do.
 */
export type EngineAccess = { kind: "direct"; warehouse: Warehouse } | { kind: "server"; url: string };

export async function accessEngine(config: WarehouseConfig, logger: Logger): Promise<EngineAccess> {
  if (config.mode === "embedded") {
    const owner = liveOwner(config.dataDir);
    if (owner !== null && owner.role === "server" && owner.url !== null) return { kind: "server", url: owner.url };
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

/** A GraphQL call to the running server, for commands that go through it. */
export async function serverQuery<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL("graphql", url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw new Error(`Le serveur ${url} ne répond pas / the server at ${url} does not answer: ${(error as Error).message}`);
  }
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`Le serveur a refusé la requête / the server refused the request: ${body.errors?.[0]?.message ?? response.status}`);
  return body.data;
}
