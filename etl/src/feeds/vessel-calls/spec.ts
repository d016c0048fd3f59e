import { monthOfText, type FeedSpec } from "../../core/feed-spec.js";
import type { Column } from "../../core/tab-separated.js";
import { parseVesselCalls } from "./parse.js";
import type { VesselCallRow } from "./row.js";

const COLUMNS: readonly Column[] = [
  { name: "call_id", kind: "text" },
  { name: "vessel_name", kind: "text" },
  { name: "imo", kind: "text" },
  { name: "voyage", kind: "text" },
  { name: "terminal", kind: "text" },
  { name: "arrived_at", kind: "text" },
  { name: "berthed_at", kind: "text" },
  { name: "departed_at", kind: "text" },
  { name: "teu_discharged", kind: "number" },
  { name: "teu_loaded", kind: "number" },
  { name: "tonnes_discharged", kind: "number" },
  { name: "tonnes_loaded", kind: "number" },
];

export const vesselCallsSpec: FeedSpec<VesselCallRow> = {
  id: "vessel-calls",
  table: "vessel_calls",
  parse: parseVesselCalls,
  columns: COLUMNS,
  // The later delivery wins: the delivery sequence and record index decide.
  rank: () => 0,
  months: (row) => [monthOfText(row.arrived_at)],
  eventAt: (row) => [row.arrived_at, row.berthed_at, row.departed_at ?? ""].reduce((a, b) => (b > a ? b : a)),
  previousMonthsSql: "SELECT DISTINCT toYYYYMM(arrived_at) AS m FROM vessel_calls FINAL WHERE call_id IN {keys:Array(String)}",
};
