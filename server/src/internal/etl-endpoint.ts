import { Writable } from "node:stream";
import { isCommand, runCommand, type EtlSettings, type LoadQueue } from "@corridor/etl";
import type { Logger, Warehouse } from "@corridor/warehouse";
import express from "express";
import type { ServerToken } from "./server-token.js";

/** Output a command may send back through this channel; quarantine exports larger than this must run without the server. */
const MAX_OUTPUT = 50 * 1024 * 1024;

function isLoopback(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

function capture(): { stream: Writable; text: () => string } {
  let text = "";
  return {
    stream: new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (text.length + chunk.length > MAX_OUTPUT) return done(new Error("output too large for the server channel"));
        text += chunk.toString();
        done();
      },
    }),
    text: () => text,
  };
}

export interface EtlEndpointOptions {
  readonly warehouse: Warehouse;
  readonly logger: Logger;
  readonly token: ServerToken;
  readonly queue: LoadQueue;
  readonly settings: EtlSettings;
}

/**
 * POST /internal/etl {argv}: runs an `etl` command for the CLI when this
 * server owns the embedded engine. Loopback only, with the server's token;
 * commands queue with the server's own loads.
 */
export function etlEndpoint(options: EtlEndpointOptions): express.Router {
  const router = express.Router();
  router.post("/internal/etl", express.json({ limit: "64kb" }), async (req, res) => {
    const auth = req.get("authorization") ?? "";
    if (!isLoopback(req.socket.remoteAddress) || !auth.startsWith("Bearer ") || !options.token.matches(auth.slice(7))) {
      res.status(403).json({ error: "forbidden" });
      return;
    }
    const argv = (req.body as { argv?: unknown } | undefined)?.argv;
    if (!Array.isArray(argv) || argv.length > 10_000 || !argv.every((a) => typeof a === "string") || !isCommand(argv[0] as string)) {
      res.status(400).json({ error: "argv: an etl command and its arguments" });
      return;
    }
    const out = capture();
    const err = capture();
    try {
      const code = await options.queue.run(() => runCommand(options.warehouse, argv as string[], { out: out.stream, err: err.stream, interactive: false }, options.logger, options.settings, "cli"));
      res.json({ code, out: out.text(), err: err.text() });
    } catch (error) {
      options.logger.error({ argv, error: (error as Error).message }, "etl command failed");
      res.json({ code: 1, out: out.text(), err: `${err.text()}${(error as Error).message}\n` });
    }
  });
  return router;
}
