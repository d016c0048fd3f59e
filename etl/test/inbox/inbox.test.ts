import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@corridor/warehouse";
import { FAILED, PROCESSED, watchInbox, type Inbox } from "../../src/inbox/inbox-watcher.js";
import { openEtlWarehouse, SAMPLES_DIR, type EtlWarehouse } from "../support/etl-warehouse.js";

let etl: EtlWarehouse;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-inbox-"));
const logger = createLogger({ level: "silent" });
const HEADER = "call_id,vessel_name,imo,voyage,terminal,arrived_at,berthed_at,departed_at,teu_discharged,teu_loaded,tonnes_discharged,tonnes_loaded\n";

beforeAll(async () => {
  etl = await openEtlWarehouse();
});
afterAll(async () => {
  await etl.close();
  fs.rmSync(root, { recursive: true, force: true });
});

function inbox(name: string): { dir: string; watcher: Inbox } {
  const dir = path.join(root, name);
  // A long poll: the tests drive the looks themselves with scan().
  return { dir, watcher: watchInbox({ dir, pollMs: 3_600_000, load: (files) => etl.load(files), logger }) };
}

const drop = (dir: string, name: string, content: string | Buffer, mtime: Date) => {
  fs.writeFileSync(path.join(dir, name), content);
  fs.utimesSync(path.join(dir, name), mtime, mtime);
};

describe("the inbox folder", () => {
  it("loads a file once it stopped changing, then moves it to processed/", async () => {
    const { dir, watcher } = inbox("a");
    fs.copyFileSync(path.join(SAMPLES_DIR, "20241016T0700_PAL_escales_A.csv"), path.join(dir, "escales.csv"));
    expect(await watcher.scan()).toEqual([]); // first look: not known to be complete yet
    const [result] = await watcher.scan();
    expect(result).toMatchObject({ feed: "vessel-calls", read: 3, loaded: 2, quarantined: 1, duplicates: 0, status: "quarantined" });
    expect(fs.readdirSync(dir).sort()).toEqual([FAILED, PROCESSED]);
    expect(fs.readdirSync(path.join(dir, PROCESSED))).toEqual(["escales.csv"]);
    await watcher.stop();
  });

  it("waits for a file still being written, and ignores temporary names", async () => {
    const { dir, watcher } = inbox("b");
    const file = path.join(dir, "calls.csv");
    fs.writeFileSync(file, HEADER);
    fs.writeFileSync(path.join(dir, "calls2.csv.part"), HEADER);
    fs.writeFileSync(path.join(dir, ".upload-in-progress"), "x");
    await watcher.scan();
    fs.appendFileSync(file, "W-1,ONE,9387425,1,LCT,2024-03-01 06:00,2024-03-01 08:00,,1,0,10,0\n"); // still growing
    expect(await watcher.scan()).toEqual([]);
    const [result] = await watcher.scan();
    expect(result).toMatchObject({ read: 1, loaded: 1 });
    expect(fs.readdirSync(dir).sort()).toEqual([".upload-in-progress", "calls2.csv.part", FAILED, PROCESSED]);
    await watcher.stop();
  });

  it("loads files in order of arrival, so the later one wins", async () => {
    const { dir, watcher } = inbox("c");
    // zz arrived first, aa second: arrival order, not name order.
    drop(dir, "zz.csv", `${HEADER}O-1,FIRST,9387425,1,LCT,2024-04-01 06:00,2024-04-01 08:00,,1,0,10,0\n`, new Date(Date.now() - 60_000));
    drop(dir, "aa.csv", `${HEADER}O-1,SECOND,9387425,1,LCT,2024-04-01 06:00,2024-04-01 08:00,,1,0,10,0\n`, new Date(Date.now() - 30_000));
    await watcher.scan();
    expect((await watcher.scan()).map((f) => path.basename(f.path))).toEqual(["zz.csv", "aa.csv"]);
    const rows = await etl.warehouse.query<{ vessel_name: string }>({ sql: "SELECT vessel_name FROM vessel_calls FINAL WHERE call_id = 'O-1'", tag: "test:inbox" });
    expect(rows).toEqual([{ vessel_name: "SECOND" }]);
    await watcher.stop();
  });

  it("moves an unreadable file to failed/ with the reason beside it, and keeps going", async () => {
    const { dir, watcher } = inbox("d");
    drop(dir, "letter.txt", "Dear customs officer,\n", new Date(Date.now() - 20_000));
    drop(dir, "calls.csv", `${HEADER}F-1,ONE,9387425,1,LCT,2024-05-01 06:00,2024-05-01 08:00,,1,0,10,0\n`, new Date(Date.now() - 10_000));
    await watcher.scan();
    const results = await watcher.scan();
    expect(results.map((r) => [path.basename(r.path), r.status])).toEqual([
      ["letter.txt", "failed"],
      ["calls.csv", "loaded"],
    ]);
    expect(fs.readdirSync(path.join(dir, FAILED)).sort()).toEqual(["letter.txt", "letter.txt.reason.txt"]);
    expect(fs.readFileSync(path.join(dir, FAILED, "letter.txt.reason.txt"), "utf8")).toMatch(/format non reconnu/u);
    await watcher.stop();
  });

  it("picks up, after a restart, the files left in the folder, and keeps both copies of a re-sent name", async () => {
    const { dir, watcher } = inbox("e");
    const content = `${HEADER}R-1,ONE,9387425,1,LCT,2024-06-01 06:00,2024-06-01 08:00,,1,0,10,0\n`;
    drop(dir, "calls.csv", content, new Date(Date.now() - 10_000));
    await watcher.scan();
    await watcher.stop(); // stopped before the file was loaded
    const again = watchInbox({ dir, pollMs: 3_600_000, load: (files) => etl.load(files), logger });
    await again.scan();
    expect(await again.scan()).toMatchObject([{ loaded: 1 }]);
    drop(dir, "calls.csv", content, new Date(Date.now() - 5_000)); // the same file delivered again
    await again.scan();
    expect(await again.scan()).toMatchObject([{ read: 1, loaded: 0, duplicates: 1 }]);
    expect(fs.readdirSync(path.join(dir, PROCESSED))).toHaveLength(2);
    await again.stop();
  });
});
