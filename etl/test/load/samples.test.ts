import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPECTED_FIGURES, sampleFigures } from "../support/sample-figures.js";
import { openEtlWarehouse, sampleFiles, type EtlWarehouse } from "../support/etl-warehouse.js";

/** EXPECTED.md's load report: file → [feed, read, loaded, quarantined, duplicates]. */
const REPORT: Record<string, [string, number, number, number, number]> = {
  "20241003T1800_TG_customs_batch1.xml": ["customs-declarations", 2, 2, 0, 0],
  "20241010T0600_LCT_EDI.edi": ["container-events", 8, 7, 1, 0],
  "20241012T0000_ITS_mouvements.jsonl": ["transit-movements", 25, 25, 0, 0],
  "20241014T2000_BF_customs_batch.xml": ["customs-declarations", 2, 2, 0, 0],
  "20241016T0700_PAL_escales_A.csv": ["vessel-calls", 3, 2, 1, 0],
  "20241016T1800_TG_customs_batch2.xml": ["customs-declarations", 3, 3, 0, 0],
  "20241017T0700_PAL_escales_B.csv": ["vessel-calls", 1, 1, 0, 0],
  "20241020T0600_TTL_EDI.edi": ["container-events", 5, 5, 0, 0],
  "20241027T0000_ITS_mouvements.jsonl": ["transit-movements", 14, 13, 0, 1],
  "20241101T0600_LCT_factures_2024-10.csv": ["port-invoices", 3, 3, 0, 0],
  "20241101T0600_PAL_factures_2024-10.csv": ["port-invoices", 3, 3, 0, 0],
  "20241101T0600_TTL_factures_2024-10.csv": ["port-invoices", 2, 2, 0, 0],
};

let etl: EtlWarehouse;
beforeAll(async () => {
  etl = await openEtlWarehouse();
});
afterAll(() => etl.close().catch(() => undefined));

describe("the sample scenario (shared/samples, EXPECTED.md)", () => {
  it("loads with exactly the counts of the load report, the same numbers in the load log", async () => {
    const summary = await etl.load(sampleFiles());
    const report = Object.fromEntries(summary.files.map((f) => [path.basename(f.path), [f.feed, f.read, f.loaded, f.quarantined, f.duplicates]]));
    expect(report).toEqual(REPORT);
    expect(summary.totals).toEqual({ files: 12, failed: 0, read: 71, loaded: 68, quarantined: 2, duplicates: 1 });
    const log = await etl.warehouse.query<{ file_name: string; status: string; r: string; l: string; q: string; d: string }>({
      sql: "SELECT file_name, toString(status) AS status, toString(records_read) AS r, toString(records_loaded) AS l, toString(records_quarantined) AS q, toString(records_duplicates) AS d FROM load_log FINAL",
      tag: "test:log",
    });
    expect(Object.fromEntries(log.map((row) => [row.file_name, [REPORT[row.file_name]?.[0], Number(row.r), Number(row.l), Number(row.q), Number(row.d)]]))).toEqual(REPORT);
    expect(log.filter((row) => row.status === "quarantined").map((row) => row.file_name).sort()).toEqual(["20241010T0600_LCT_EDI.edi", "20241016T0700_PAL_escales_A.csv"]);
  });

  it("gives every figure of EXPECTED.md", async () => {
    expect(await sampleFigures(etl.warehouse)).toEqual(EXPECTED_FIGURES);
  });

  it("keeps each quarantined record's raw text and a detail saying what is wrong", async () => {
    const rows = await etl.warehouse.query<{ reason: string; detail: string; raw: string; record_key: string }>({ sql: "SELECT toString(reason) AS reason, detail, raw, record_key FROM quarantine FINAL ORDER BY file_name", tag: "test:q" });
    expect(rows[0]).toMatchObject({ reason: "BAD_CHECK_DIGIT", record_key: "TRLU1234562|GATE_IN|2024-10-09 14:55:00" });
    expect(rows[0]?.raw).toContain("EQD+CN+TRLU1234562");
    expect(rows[1]).toMatchObject({ reason: "BAD_IMO", record_key: "LFW-24-3109" });
    expect(rows[1]?.raw).toBe('LFW-24-3109,"STELLA, II",9316600,V12,QCONV,2024-10-03 04:10,2024-10-03 09:00,2024-10-05 17:30,0,0,1250.0,0');
    expect(rows[1]?.detail).toContain("9316600");
  });

  it("changes no figure when every file is loaded again: all records are duplicates", async () => {
    const again = await etl.load(sampleFiles());
    expect(again.totals).toEqual({ files: 12, failed: 0, read: 71, loaded: 0, quarantined: 0, duplicates: 71 });
    expect(await sampleFigures(etl.warehouse)).toEqual(EXPECTED_FIGURES);
  });
});

describe("the sample scenario delivered one file at a time", () => {
  // One engine directory per process: the first warehouse is closed before this one opens.
  beforeAll(() => etl.close());
  it("gives the same counts and figures as the files given together", async () => {
    const single = await openEtlWarehouse();
    try {
      for (const file of sampleFiles()) {
        const summary = await single.load([file]);
        const expected = REPORT[path.basename(file)];
        expect([summary.files[0]?.feed, summary.totals.read, summary.totals.loaded, summary.totals.quarantined, summary.totals.duplicates], file).toEqual(expected);
      }
      expect(await sampleFigures(single.warehouse)).toEqual(EXPECTED_FIGURES);
    } finally {
      await single.close();
    }
  });
});
