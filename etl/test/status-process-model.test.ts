import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { spawnServer } from "../../test/support/spawn-server.js";
import { EXIT, runCli } from "../src/index.js";

function capture(): { stream: Writable; text: () => string } {
  let text = "";
  return {
    stream: new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    }),
    text: () => text,
  };
}

async function status(dataDir: string): Promise<{ code: number; out: string; err: string }> {
  process.env.DATA_DIR = dataDir;
  const out = capture();
  const err = capture();
  const code = await runCli(["status", "--json"], out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-etl-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  delete process.env.DATA_DIR;
});
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("etl status and the process model", () => {
  it("opens the engine itself when no process owns the data directory", async () => {
    const result = await status(tempDir());
    expect(result.code).toBe(EXIT.ok);
    expect(result.err).toBe("");
    expect(JSON.parse(result.out)).toEqual({ loads: [] });
  });

  it("goes through the running server when the server owns the data directory", async () => {
    const server = await spawnServer({ DATA_DIR: tempDir() });
    try {
      const result = await status(server.dataDir);
      expect(result.err).toContain("command sent to it");
      expect(result.code).toBe(EXIT.ok);
      expect(JSON.parse(result.out)).toEqual({ loads: [] });
    } finally {
      await server.stop();
    }
  });

  it("stops with a message saying what to do when another command owns it", async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ["--import", "tsx", "--conditions=@corridor/source", fileURLToPath(new URL("../../warehouse/test/fixtures/hold-data-dir.ts", import.meta.url))], {
      env: { ...process.env, DATA_DIR: dir, HOLD_ROLE: "cli" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) => holder.stdout?.on("data", (c: Buffer) => c.toString().includes("ready") && resolve()));
    try {
      const result = await status(dir);
      expect(result.code).toBe(EXIT.busy);
      expect(result.err).toContain(`pid ${holder.pid}`);
      expect(result.err).toContain("wait for it to end, or use another DATA_DIR");
    } finally {
      holder.kill("SIGKILL");
    }
  });
});
