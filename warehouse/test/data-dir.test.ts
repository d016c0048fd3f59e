import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, DataDirBusyError, OWNER_FILE, openWarehouse, warehouseConfigFromEnv, WarehouseError } from "../src/index.js";

const holderScript = fileURLToPath(new URL("./fixtures/hold-data-dir.ts", import.meta.url));
const logger = createLogger({ level: "silent" });
let dataDir: string;
let holder: ChildProcess;

/** Starts a separate process that owns the data directory, and waits until it does. */
function startHolder(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@corridor/source", holderScript], { env: { ...process.env, DATA_DIR: dir }, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve(child));
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}: ${err}`)));
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-owner-"));
  holder = await startHolder(dataDir);
});
afterAll(() => {
  holder.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("one process owns an embedded data directory", () => {
  it("a second process gets a clear message naming the owner and what to do, not a crash", async () => {
    let error: unknown;
    try {
      await openWarehouse(warehouseConfigFromEnv({ DATA_DIR: dataDir }), { role: "cli", logger });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirBusyError);
    const busy = error as DataDirBusyError;
    expect(busy.owner).toMatchObject({ pid: holder.pid, role: "server", url: "http://127.0.0.1:4999/" });
    expect(busy.message).toContain(`le serveur de la plateforme (pid ${holder.pid}, http://127.0.0.1:4999/)`);
    expect(busy.message).toContain("use another DATA_DIR");
  });

  it("falls back to the engine's own lock when the ownership file is gone, still with a clear message", async () => {
    const saved = fs.readFileSync(path.join(dataDir, OWNER_FILE));
    fs.rmSync(path.join(dataDir, OWNER_FILE));
    let error: unknown;
    try {
      await openWarehouse(warehouseConfigFromEnv({ DATA_DIR: dataDir }), { role: "cli", logger });
    } catch (e) {
      error = e;
    }
    fs.writeFileSync(path.join(dataDir, OWNER_FILE), saved);
    expect(error).toBeInstanceOf(WarehouseError);
    expect(error).toMatchObject({ kind: "locked" });
    expect((error as Error).message).toContain("another process is probably using it");
  });

  it("takes over a directory whose owner died without cleaning up", async () => {
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    // The dead process left its ownership file behind.
    expect(fs.existsSync(path.join(dataDir, OWNER_FILE))).toBe(true);
    const warehouse = await openWarehouse(warehouseConfigFromEnv({ DATA_DIR: dataDir }), { role: "cli", logger });
    expect(await warehouse.ping()).toBe(true);
    await warehouse.close();
    expect(fs.existsSync(path.join(dataDir, OWNER_FILE))).toBe(false);
  });
});
