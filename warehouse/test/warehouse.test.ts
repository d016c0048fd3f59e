import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WarehouseError, type Warehouse } from "../src/index.js";
import { openTempWarehouse, type TempWarehouse } from "./temp-warehouse.js";

let temp: TempWarehouse;
let warehouse: Warehouse;

beforeAll(async () => {
  temp = await openTempWarehouse({ prepare: false });
  warehouse = temp.warehouse;
});
afterAll(() => temp.close());

async function failure(work: Promise<unknown>): Promise<WarehouseError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof WarehouseError) return error;
    throw error;
  }
  throw new Error("expected a WarehouseError");
}

describe("Warehouse on the embedded engine", () => {
  it("binds parameters as typed values: an injection string stays a string", async () => {
    const hostile = "x'); DROP DATABASE corridor; --";
    const rows = await warehouse.query<{ s: string; n: string; d: string }>({
      sql: "SELECT {s:String} AS s, {n:UInt64} AS n, {d:DateTime64(3)} AS d",
      params: { s: hostile, n: "18446744073709551615", d: "2024-10-02 06:00:00.123" },
      tag: "test:params",
    });
    // 64-bit integers come back as strings (no precision lost), dates as ISO 8601 with Z.
    expect(rows).toEqual([{ s: hostile, n: "18446744073709551615", d: "2024-10-02T06:00:00.123Z" }]);
    const [db] = await warehouse.query<{ n: string }>({ sql: "SELECT count() AS n FROM system.databases WHERE name = 'corridor'", tag: "test:params" });
    expect(db?.n).toBe("1");
  });

  it("tags every statement and stops it at its time limit with a typed timeout", async () => {
    const [row] = await warehouse.query<{ tag: string }>({ sql: "SELECT getSetting('log_comment') AS tag", tag: "test:tagged" });
    expect(row?.tag).toBe("test:tagged");
    const error = await failure(warehouse.query({ sql: "SELECT sum(sleepEachRow(0.1)) FROM numbers(30) SETTINGS max_block_size = 1", tag: "test:slow", timeoutMs: 300 }));
    expect(error).toMatchObject({ kind: "timeout", code: "159", type: "TIMEOUT_EXCEEDED", tag: "test:slow" });
  });

  it("never lets one statement's settings leak into the next on the same session", async () => {
    // Embedded sessions keep SET values; the seam re-sends every managed setting each time.
    const zones = [];
    for (let i = 0; i < 4; i++) {
      const [a] = await warehouse.query<{ tz: string }>({ sql: "SELECT timezone() AS tz", tag: "test:tz", settings: { session_timezone: "Africa/Niamey" } });
      const [b] = await warehouse.query<{ tz: string; limit: number }>({ sql: "SELECT timezone() AS tz, getSetting('max_execution_time') AS limit", tag: "test:tz" });
      zones.push(a?.tz, b?.tz, b?.limit);
    }
    expect(zones).toEqual(Array.from({ length: 4 }, () => ["Africa/Niamey", "UTC", 30]).flat());
  });

  it("re-sends every setting after a failed statement, whose SETs may or may not have applied", async () => {
    for (let i = 0; i < 4; i++) {
      await expect(warehouse.query({ sql: "SELEC timezone()", tag: "test:tz-fail", settings: { session_timezone: "Africa/Niamey" } })).rejects.toThrow();
      const [row] = await warehouse.query<{ tz: string }>({ sql: "SELECT timezone() AS tz", tag: "test:tz-after" });
      expect(row?.tz).toBe("UTC");
    }
  });

  it("classifies engine errors by code", async () => {
    expect(await failure(warehouse.query({ sql: "SELEC 1", tag: "test:syntax" }))).toMatchObject({ kind: "syntax", code: "62" });
    expect(await failure(warehouse.query({ sql: "SELECT * FROM no_such_table", tag: "test:unknown" }))).toMatchObject({ kind: "unknown_object", code: "60" });
    expect(await failure(warehouse.query({ sql: "SELECT {n:UInt8} AS n", params: { n: "not a number" }, tag: "test:param" }))).toMatchObject({ kind: "bad_parameter" });
  });

  it("refuses inserts into tables outside the registry before any SQL is built", async () => {
    await expect(warehouse.insert("users; DROP TABLE x" as never, [{ a: 1 }], { tag: "test:insert" })).rejects.toThrow(/table registry/);
  });

  it("refuses malformed tags", async () => {
    await expect(warehouse.query({ sql: "SELECT 1", tag: "bad tag'" })).rejects.toThrow(/invalid statement tag/);
  });

  it("streams rows and releases its session when the loop ends early", async () => {
    const seen: string[] = [];
    for await (const row of warehouse.stream<{ number: string }>({ sql: "SELECT number FROM numbers(1000)", tag: "test:stream" })) {
      seen.push(row.number);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(["0", "1", "2"]);
    // Both sessions of the pool are free again: two concurrent statements complete.
    const results = await Promise.all([0, 1, 2].map((n) => warehouse.query<{ n: number }>({ sql: "SELECT {n:UInt8} AS n", params: { n }, tag: "test:pool" })));
    expect(results.map((r) => r[0]?.n)).toEqual([0, 1, 2]);
  });

  it("runs statements on separate sessions concurrently", async () => {
    const finished: string[] = [];
    const slow = warehouse.query({ sql: "SELECT sum(sleepEachRow(0.2)) FROM numbers(10) SETTINGS max_block_size = 1", tag: "test:parallel" }).then(() => finished.push("slow"));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await warehouse.query({ sql: "SELECT 1", tag: "test:parallel" }).then(() => finished.push("quick"));
    await slow;
    // On one session the quick statement would wait behind the slow one.
    expect(finished).toEqual(["quick", "slow"]);
  });
});
