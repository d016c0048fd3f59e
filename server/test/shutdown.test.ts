import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spawnServer } from "../../test/support/spawn-server.js";

describe("stopping the server", () => {
  it("exits 0 on SIGTERM and releases the data directory for the next process", async () => {
    const server = await spawnServer();
    expect(fs.existsSync(path.join(server.dataDir, "owner.json"))).toBe(true);
    const exited = new Promise<number | null>((resolve) => server.process.once("exit", (code) => resolve(code)));
    server.process.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(server.dataDir, "owner.json"))).toBe(false);
    // And the directory opens again, with what the first run wrote.
    const again = await spawnServer({ DATA_DIR: server.dataDir, LOG_LEVEL: "info" });
    expect(again.output()).toContain("Entrepôt vide");
    expect(again.output()).not.toContain("migration applied"); // the schema was kept
    expect(again.output()).not.toContain("reference list loaded");
    await again.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  });
});
