import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, refreshDerived, type Warehouse } from "../src/index.js";
import { openTempWarehouse, type TempWarehouse } from "./temp-warehouse.js";

const logger = createLogger({ level: "silent" });
const refreshShipCalls = (warehouse: Warehouse, months: number[]) => refreshDerived(warehouse, months, logger, ["vessel-calls"]);
let temp: TempWarehouse;
let warehouse: Warehouse;

beforeAll(async () => {
  temp = await openTempWarehouse();
  warehouse = temp.warehouse;
});
afterAll(() => temp.close());

let version = 0;
function call(id: string, arrived: string, berthed: string, departed: string | null, terminal = "LCT") {
  version++;
  return {
    call_id: id, vessel_name: "TEST", imo: "9387425", voyage: "1", terminal,
    arrived_at: arrived, berthed_at: berthed, departed_at: departed,
    teu_discharged: "2", teu_loaded: "0", tonnes_discharged: "10.5", tonnes_loaded: "0",
    _version: String(version), _hash: "0", _load_id: "00000000-0000-0000-0000-000000000001", _record: version,
  };
}

interface Figures {
  calls: string;
  waiting: number[];
  turnaround: number[];
}

/** Ship times for a month, from the rollup (merged states) and from the detailed facts. */
async function figures(month: number): Promise<{ rollup: Figures; detail: Figures }> {
  const [rollup] = await warehouse.query<Figures>({
    sql: `SELECT toString(sum(calls)) AS calls, quantilesExactInclusiveMerge(0.5, 0.9, 0.95)(waiting_q) AS waiting, quantilesExactInclusiveMerge(0.5, 0.9, 0.95)(turnaround_q) AS turnaround
          FROM rollup_ship_calls_hourly WHERE toYYYYMM(hour) = {m:UInt32}`,
    params: { m: month },
    tag: "test:rollup",
  });
  const [detail] = await warehouse.query<Figures>({
    sql: `SELECT toString(count()) AS calls, quantilesExactInclusive(0.5, 0.9, 0.95)(waiting_s) AS waiting, quantilesExactInclusive(0.5, 0.9, 0.95)(turnaround_s) AS turnaround
          FROM fact_ship_calls WHERE toYYYYMM(arrived_at) = {m:UInt32}`,
    params: { m: month },
    tag: "test:detail",
  });
  return { rollup: rollup as Figures, detail: detail as Figures };
}

const hours = (values: number[]) => values.map((s) => Math.round((s / 3600) * 1000) / 1000);

describe("ship calls: facts and percentile rollup", () => {
  it("gives the sample's ship waiting and turnaround, replacing a call re-delivered with its departure", async () => {
    // The two calls of the sample scenario: C2 first arrives without a departure, then again with it.
    await warehouse.insert("vessel_calls", [call("LFW-24-3107", "2024-10-02T06:00:00Z", "2024-10-02T14:30:00Z", "2024-10-04T02:00:00Z"), call("LFW-24-3112", "2024-10-14T22:00:00Z", "2024-10-15T10:00:00Z", null, "TTL")], { tag: "test:load" });
    await refreshShipCalls(warehouse, [202410]);
    await warehouse.insert("vessel_calls", [call("LFW-24-3112", "2024-10-14T22:00:00Z", "2024-10-15T10:00:00Z", "2024-10-16T20:00:00Z", "TTL")], { tag: "test:load" });
    await refreshShipCalls(warehouse, [202410]);
    const { rollup, detail } = await figures(202410);
    expect(rollup.calls).toBe("2");
    // EXPECTED.md: waiting p50 10.25 h, p90 11.65 h; turnaround p50 45 h, p90 45.8 h.
    expect(hours(rollup.waiting.slice(0, 2))).toEqual([10.25, 11.65]);
    expect(hours(rollup.turnaround.slice(0, 2))).toEqual([45, 45.8]);
    expect(rollup).toEqual(detail);
  });

  it("moves a call whose arrival is corrected into another month, leaving the old month empty", async () => {
    await warehouse.insert("vessel_calls", [call("LFW-24-3200", "2024-11-30T23:00:00Z", "2024-12-01T05:00:00Z", null)], { tag: "test:load" });
    await refreshShipCalls(warehouse, [202411]);
    expect((await figures(202411)).rollup.calls).toBe("1");
    await warehouse.insert("vessel_calls", [call("LFW-24-3200", "2024-12-01T01:00:00Z", "2024-12-01T05:00:00Z", null)], { tag: "test:load" });
    // The loader refreshes both the old and the new month of a replaced record.
    await refreshShipCalls(warehouse, [202411, 202412]);
    expect((await figures(202411)).rollup.calls).toBe("0");
    expect((await figures(202412)).rollup).toMatchObject({ calls: "1", waiting: [14400, 14400, 14400] });
    // October is untouched by refreshes of other months.
    expect((await figures(202410)).rollup.calls).toBe("2");
  });
});
