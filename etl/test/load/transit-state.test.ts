import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEtlWarehouse, type EtlWarehouse } from "../support/etl-warehouse.js";

let etl: EtlWarehouse;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-transit-"));

const line = (event: string, office: string, at: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ movement: "TRIE-2025-000001", event, office, at, recordedAt: `${at}Z`, ...extra });

beforeAll(async () => {
  etl = await openEtlWarehouse();
});
afterAll(async () => {
  await etl.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("transit checks against what was loaded before", () => {
  it("quarantines an event at an office off the departure's route, and one more than a day before the departure", async () => {
    const first = path.join(dir, "20250101T0000_a.jsonl");
    fs.writeFileSync(first, `${line("DEPARTED", "TGLFW", "2025-01-10T08:00:00", { route: "TG-BF-OUA", declaration: "TGLFW-2025-L-1" })}\n`);
    await etl.load([first]);
    const second = path.join(dir, "20250102T0000_b.jsonl");
    fs.writeFileSync(
      second,
      [
        line("ARRIVED", "TGCIN", "2025-01-11T08:00:00"), // on the route, no route written: fine
        line("ARRIVED", "NEMAK", "2025-01-11T09:00:00"), // Makalondi is not on TG-BF-OUA
        line("RELEASED", "TGCIN", "2025-01-08T07:00:00"), // 25 h before the departure
        line("RELEASED", "BFCIN", "2025-01-09T09:00:00"), // 23 h before: allowed (clocks and late entries)
      ].join("\n"),
    );
    const summary = await etl.load([second]);
    expect(summary.totals).toMatchObject({ read: 4, loaded: 2, quarantined: 2, duplicates: 0 });
    const rows = await etl.warehouse.query<{ line: number; reason: string }>({ sql: "SELECT line, toString(reason) AS reason FROM quarantine FINAL ORDER BY line", tag: "test:q" });
    expect(rows).toEqual([
      { line: 2, reason: "OFFICE_NOT_ON_ROUTE" },
      { line: 3, reason: "BEFORE_DEPARTURE" },
    ]);
  });

  it("checks against a departure earlier in the same file too", async () => {
    const file = path.join(dir, "20250103T0000_c.jsonl");
    fs.writeFileSync(
      file,
      [
        JSON.stringify({ movement: "TRIE-2025-000002", event: "DEPARTED", office: "TGLFW", at: "2025-02-01T08:00:00", route: "TG-ML-HER", declaration: "TGLFW-2025-L-2" }),
        JSON.stringify({ movement: "TRIE-2025-000002", event: "ARRIVED", office: "BFKAN", at: "2025-02-02T08:00:00" }),
      ].join("\n"),
    );
    const summary = await etl.load([file]);
    expect(summary.totals).toMatchObject({ loaded: 1, quarantined: 1 });
  });
});
