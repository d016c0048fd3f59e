import { validImo } from "../../core/check-digits.js";
import { formatUtc, parseTimestamp } from "../../core/local-time.js";
import { isNegative, parseDecimal } from "../../core/numbers.js";
import type { Outcome, Parser, ReferenceData } from "../../core/types.js";
import { badNumber, badTimestamp, missingFields, parseCsvFeed, PORT_ZONE, reject, type CsvDialect, type CsvFeed, type CsvValues } from "../csv/csv-records.js";
import type { VesselCallRow } from "./row.js";

const COLUMNS = ["call_id", "vessel_name", "imo", "voyage", "terminal", "arrived_at", "berthed_at", "departed_at", "teu_discharged", "teu_loaded", "tonnes_discharged", "tonnes_loaded"] as const;
type Column = (typeof COLUMNS)[number];

/** `voyage` may be unknown and `departed_at` is empty while the ship is at berth. */
const REQUIRED = COLUMNS.filter((column) => column !== "voyage" && column !== "departed_at");
const QUANTITIES = ["teu_discharged", "teu_loaded", "tonnes_discharged", "tonnes_loaded"] as const;
type Quantity = (typeof QUANTITIES)[number];

function imoProblem(imo: string): string {
  if (!/^\d{7}$/u.test(imo)) return `imo ${JSON.stringify(imo)}: must be 7 digits`;
  const expected = [..."0123456789"].find((digit) => validImo(imo.slice(0, 6) + digit));
  return `imo ${JSON.stringify(imo)}: check digit should be ${expected}`;
}

/** Checks in the order of formats.md's reason codes: missing, dates, numbers (in column order), codes, then quantities and time order. */
function checkVesselCall(values: CsvValues<Column>, dialect: CsvDialect, reference: ReferenceData): Outcome<VesselCallRow> {
  const missing = missingFields(values, REQUIRED);
  if (missing) return missing;
  const arrived = parseTimestamp(values.arrived_at, PORT_ZONE);
  if (arrived === null) return reject("BAD_DATE", badTimestamp("arrived_at", values.arrived_at));
  const berthed = parseTimestamp(values.berthed_at, PORT_ZONE);
  if (berthed === null) return reject("BAD_DATE", badTimestamp("berthed_at", values.berthed_at));
  const departed = values.departed_at === "" ? null : parseTimestamp(values.departed_at, PORT_ZONE);
  if (departed === null && values.departed_at !== "") return reject("BAD_DATE", badTimestamp("departed_at", values.departed_at));
  const quantities = {} as Record<Quantity, string>;
  for (const column of QUANTITIES) {
    const quantity = parseDecimal(values[column], dialect.decimalMark);
    if (quantity === null) return reject("BAD_NUMBER", badNumber(column, values[column], dialect));
    quantities[column] = quantity;
  }
  const row: VesselCallRow = {
    call_id: values.call_id,
    vessel_name: values.vessel_name,
    imo: values.imo,
    voyage: values.voyage,
    terminal: values.terminal,
    arrived_at: formatUtc(arrived),
    berthed_at: formatUtc(berthed),
    departed_at: departed === null ? null : formatUtc(departed),
    ...quantities,
  };
  if (!validImo(values.imo)) return reject("BAD_IMO", imoProblem(values.imo), row);
  if (!reference.terminals.has(values.terminal)) {
    return reject("UNKNOWN_TERMINAL", `terminal ${JSON.stringify(values.terminal)}: not one of ${[...reference.terminals].join(", ")}`, row);
  }
  const negative = QUANTITIES.find((column) => isNegative(quantities[column]));
  if (negative !== undefined) return reject("NEGATIVE_QUANTITY", `${negative} ${JSON.stringify(values[negative])}: must not be negative`, row);
  if (berthed < arrived) return reject("BAD_TIME_ORDER", `berthed_at ${JSON.stringify(values.berthed_at)} is before arrived_at ${JSON.stringify(values.arrived_at)}`, row);
  if (departed !== null && departed < berthed) {
    return reject("BAD_TIME_ORDER", `departed_at ${JSON.stringify(values.departed_at)} is before berthed_at ${JSON.stringify(values.berthed_at)}`, row);
  }
  return { ok: true, row };
}

const VESSEL_CALLS: CsvFeed<Column, VesselCallRow> = { columns: COLUMNS, key: "call_id", check: checkVesselCall };

/** The vessel-calls feed (formats.md §1): one record per data row, keyed by call_id. */
export const parseVesselCalls: Parser<VesselCallRow> = (bytes, context) => parseCsvFeed(bytes, context, VESSEL_CALLS);
