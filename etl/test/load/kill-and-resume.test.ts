import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, openWarehouse, warehouseConfigFromEnv } from "@corridor/warehouse";
import { writeMovementsFile } from "../support/generated-movements.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-kill-"));
const file = path.join(work, "20240601T0000_ITS_mouvements.jsonl");
const killedDir = path.join(work, "killed");
const cleanDir = path.join(work, "clean");

interface Summary {
  files: { read: number; loaded: number; quarantined: number; duplicates: number; status: string }[];
  totals: Record<string, number>;
}

/** `pnpm etl load <file> --json` in its own process, from source; resolves with its exit code and output. */
function etlLoad(dataDir: string, onStderr?: (text: string, kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@corridor/source", path.join(root, "etl/src/main.ts"), "load", file, "--json"], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, TSX_TSCONFIG_PATH: path.join(root, "etl/tsconfig.json"), LOG_LEVEL: onStderr ? "debug" : "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
    onStderr?.(stderr, () => child.kill("SIGKILL"));
  });
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** What a load leaves in the warehouse, to compare a resumed load with a clean one. */
async function state(dataDir: string) {
  const warehouse = await openWarehouse(warehouseConfigFromEnv({ DATA_DIR: dataDir }), { role: "test", logger: createLogger({ level: "silent" }) });
  try {
    const q = async (sql: string) => (await warehouse.query<{ v: string }>({ sql, tag: "test:state" }))[0]?.v;
    return {
      events: await q("SELECT toString(count()) AS v FROM transit_events FINAL"),
      eventsHash: await q("SELECT toString(groupBitXor(cityHash64(movement, toString(event), toString(office), at))) AS v FROM transit_events FINAL"),
      quarantined: await q("SELECT toString(count()) AS v FROM quarantine FINAL"),
      ledger: await q("SELECT toString(count()) AS v FROM (SELECT DISTINCT feed, key, content_hash, record_index FROM record_ledger)"),
      transits: await q("SELECT toString((count(), sum(transit_s), quantileExactInclusive(0.9)(transit_s))) AS v FROM fact_transits"),
      crossings: await q("SELECT toString((count(), sum(crossing_s))) AS v FROM fact_border_crossings"),
      statuses: await q("SELECT toString(groupArray(toString(status))) AS v FROM load_log FINAL"),
    };
  } finally {
    await warehouse.close();
  }
}

let lines = 0;
beforeAll(() => {
  lines = writeMovementsFile(file, 40_000).lines;
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("a load killed with SIGKILL in the middle of a large file", () => {
  it("converges, when run again, to exactly the counters and figures of a clean load", async () => {
    // Kill once three chunks of rows have been written (the loader's own debug log says so).
    const killed = await etlLoad(killedDir, (text, kill) => {
      if ((text.match(/etl:transit-movements:rows/gu) ?? []).length >= 3) kill();
    });
    expect(killed.signal).toBe("SIGKILL");
    const partial = await state(killedDir);
    expect(partial.statuses).toBe("['running']");
    expect(Number(partial.events)).toBeGreaterThan(0);

    const resumed = await etlLoad(killedDir);
    const clean = await etlLoad(cleanDir);
    expect(clean.code).toBe(1); // some lines are quarantined
    expect(resumed.code).toBe(1);
    const resumedSummary = JSON.parse(resumed.stdout) as Summary;
    const cleanSummary = JSON.parse(clean.stdout) as Summary;
    expect(resumedSummary.files).toEqual(cleanSummary.files);
    const counts = cleanSummary.files[0] as Summary["files"][number];
    expect(counts.read).toBe(counts.loaded + counts.quarantined + counts.duplicates);
    expect(counts.quarantined).toBeGreaterThan(0);
    expect(counts.duplicates).toBeGreaterThan(0);
    expect(counts.loaded).toBe(lines);

    const [afterResume, afterClean] = [await state(killedDir), await state(cleanDir)];
    expect(afterResume).toEqual(afterClean);
    expect(afterResume.statuses).toBe("['quarantined']");
  }, 300_000);
});
