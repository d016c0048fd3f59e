import http from "node:http";
import { openWarehouse, prepareWarehouse, type Logger, type Warehouse } from "@corridor/warehouse";
import { createApp } from "./app.js";
import { publicUrl, type ServerConfig } from "./config.js";
import { buildCorridorSchema } from "./graphql/build-schema.js";

export interface RunningServer {
  readonly url: string;
  readonly warehouse: Warehouse;
  stop(): Promise<void>;
}

/**
 * Opens the warehouse (claiming an embedded data directory for this process),
 * migrates it, and serves API and dashboard on one port. Everything that needs
 * the engine runs in this process; other processes go through its URL.
 */
export async function startServer(config: ServerConfig, logger: Logger): Promise<RunningServer> {
  const warehouse = await openWarehouse(config.warehouse, { role: "server", logger });
  try {
    await prepareWarehouse(warehouse, logger);
    const schema = await buildCorridorSchema();
    const httpServer = http.createServer();
    const app = await createApp({ schema, warehouse, logger, webDir: config.webDir, httpServer });
    httpServer.on("request", app.handler);
    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const address = httpServer.address();
    const port = typeof address === "object" && address !== null ? address.port : config.port;
    const url = publicUrl(config.host, port);
    warehouse.claim?.setUrl(url);
    let stopped = false;
    return {
      url,
      warehouse,
      async stop() {
        if (stopped) return;
        stopped = true;
        await app.stop(); // drains and closes the HTTP server
        await warehouse.close();
      },
    };
  } catch (error) {
    await warehouse.close();
    throw error;
  }
}
