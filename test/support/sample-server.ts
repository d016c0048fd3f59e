import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { signIn, spawnServer, type SpawnedServer } from "./spawn-server.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The repository's copy of the sample scenario (shared/samples); EXPECTED.md is its worked answer, not a feed file. */
export const SAMPLES_DIR = path.join(root, "etl/test/fixtures/samples");

export function sampleFiles(): string[] {
  return fs
    .readdirSync(SAMPLES_DIR)
    .filter((name) => !name.endsWith(".md"))
    .sort()
    .map((name) => path.join(SAMPLES_DIR, name));
}

/**
 * Loads the samples with `etl load`, as an operator would. It runs in a child
 * process so the embedded engine is released before the server opens the
 * same directory.
 */
export async function loadSamples(dataDir: string): Promise<void> {
  const run = promisify(execFile);
  const cli = path.join(root, "etl/src/main.ts");
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn", TSX_TSCONFIG_PATH: path.join(root, "etl/tsconfig.json") };
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--conditions=@corridor/source", cli, "load", ...sampleFiles(), "--json"], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 }).catch(
    // Exit code 1 only says some records were quarantined, which the samples plant on purpose.
    (error: { code?: number; stdout?: string; stderr?: string }) => {
      if (error.code === 1 && error.stdout) return { stdout: error.stdout };
      throw new Error(`etl load failed (${error.code}): ${error.stderr ?? ""}`);
    },
  );
  const totals = (JSON.parse(stdout) as { totals: { read: number; loaded: number } }).totals;
  if (totals.read !== 71 || totals.loaded !== 68) throw new Error(`samples loaded unexpectedly: ${JSON.stringify(totals)}`);
}

export interface SampleServer {
  readonly server: SpawnedServer;
  readonly cookie: string;
  /** POSTs one GraphQL document and returns the parsed JSON body, whatever its status. */
  query(document: string): Promise<unknown>;
  stop(): Promise<void>;
}

/** A fresh data directory holding the samples, a server on it and a signed-in administrator. */
export async function startSampleServer(): Promise<SampleServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-samples-"));
  await loadSamples(dataDir);
  const server = await spawnServer({ DATA_DIR: dataDir });
  const cookie = await signIn(server.url);
  return {
    server,
    cookie,
    async query(document) {
      const response = await fetch(new URL("graphql", server.url), { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: document }) });
      return response.json();
    },
    async stop() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
