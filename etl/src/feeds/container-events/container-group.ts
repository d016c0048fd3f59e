import { teuOfSizeType, validContainerNumber } from "../../core/check-digits.js";
import { formatUtc, parseDate, parseTime, zonedToUtc } from "../../core/local-time.js";
import { isNegative, parseDecimal } from "../../core/numbers.js";
import type { ReasonCode } from "../../core/reasons.js";
import type { Outcome, ParseContext } from "../../core/types.js";
import { valueAt, type Segment } from "./edifact-tokenizer.js";
import type { MessageEvent, MessageHeader } from "./message-header.js";
import type { ContainerEventRow } from "./row.js";

/** Terminal times are Lomé wall-clock time (formats.md, "Local time"). */
const TERMINAL_ZONE = "Africa/Lome";

const STATUSES: ReadonlySet<string> = new Set(["2", "3", "6"]);
/** EDIFACT full/empty indicator → the row's `full`. */
const FULL_OF_INDICATOR: ReadonlyMap<string, number> = new Map([
  ["4", 0],
  ["5", 1],
]);

class Refused extends Error {
  constructor(
    readonly reason: ReasonCode,
    detail: string,
    /** The parsed row, when every field was read and only a check failed. */
    readonly candidate?: ContainerEventRow,
  ) {
    super(detail);
  }
}

/** The segments of one container group that the row is made of; the first of each kind wins. */
interface GroupSegments {
  readonly eqd: Segment;
  billOfLading?: Segment;
  eventTime?: Segment;
  weight?: Segment;
  seal?: Segment;
  haulage?: Segment;
  deliveryOffice?: Segment;
}

function collect(segments: readonly Segment[], timeQualifier: string | null): GroupSegments {
  const [eqd] = segments;
  if (eqd === undefined) throw new Error("a container group starts with its EQD");
  const group: GroupSegments = { eqd };
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    const qualifier = valueAt(segment, 1);
    switch (segment.tag) {
      case "RFF":
        if (qualifier === "BM") group.billOfLading ??= segment;
        break;
      case "DTM":
        if (qualifier === timeQualifier) group.eventTime ??= segment;
        break;
      case "MEA":
        if (qualifier === "AAE" && valueAt(segment, 2) === "G") group.weight ??= segment;
        break;
      case "SEL":
        group.seal ??= segment;
        break;
      case "TDT":
        if (qualifier === "1") group.haulage ??= segment;
        break;
      case "LOC":
        if (qualifier === "7") group.deliveryOffice ??= segment;
        break;
    }
  }
  return group;
}

/** `CCYYMMDDHHMM` (format 203) or `CCYYMMDDHHMMSS` (204), Lomé time, as epoch ms; null when unreadable. */
function eventTime(dtm: Segment): number | null {
  const value = valueAt(dtm, 1, 1);
  const format = valueAt(dtm, 1, 2);
  const digits = format === "204" ? 14 : 12;
  if ((format !== "" && format !== "203" && format !== "204") || value.length !== digits || !/^\d+$/u.test(value)) return null;
  const date = parseDate(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`);
  const time = parseTime(`${value.slice(8, 10)}:${value.slice(10, 12)}:${digits === 14 ? value.slice(12, 14) : "00"}`);
  return date && time ? zonedToUtc(date, time, TERMINAL_ZONE) : null;
}

/** Gross kg as canonical decimal text. EDIFACT lets the decimal mark be a comma or a full stop, whatever UNA announces. */
function grossKg(mea: Segment): string {
  const unit = valueAt(mea, 3);
  const text = valueAt(mea, 3, 1);
  if (unit !== "KGM") throw new Refused("BAD_NUMBER", `MEA weight unit ${JSON.stringify(unit)} is not KGM`);
  const kg = parseDecimal(text.replace(",", "."));
  if (kg === null) throw new Refused("BAD_NUMBER", `MEA gross weight ${JSON.stringify(text)} is not a number`);
  return kg;
}

function required(value: string, what: string): string {
  if (value.trim() === "") throw new Refused("MISSING_FIELD", `${what} is missing`);
  return value;
}

/** `eventAt` is the event time already read (UTC text), null when it is absent or unreadable. */
function toRow(group: GroupSegments, header: MessageHeader, found: MessageEvent, eventAt: string | null, context: ParseContext): ContainerEventRow {
  if ("problem" in found) throw new Refused("MALFORMED", found.problem);
  const { eqd } = group;
  if (valueAt(eqd, 1) !== "CN") throw new Refused("MALFORMED", `EQD qualifier ${JSON.stringify(valueAt(eqd, 1))} is not CN (container)`);
  const containerNo = required(valueAt(eqd, 2), "EQD container number");
  const sizeType = required(valueAt(eqd, 3), "EQD size-type");
  const status = required(valueAt(eqd, 5), "EQD status (2, 3 or 6)");
  const indicator = required(valueAt(eqd, 6), "EQD full/empty indicator (4 or 5)");
  const terminal = required(header.terminal, `LOC+165 terminal of message ${header.ref}`);
  if (!group.eventTime) throw new Refused("MISSING_FIELD", `DTM+${found.timeQualifier} event time is missing`);
  if (eventAt === null) throw new Refused("BAD_DATE", `DTM ${JSON.stringify(valueAt(group.eventTime, 1, 1))} is not a CCYYMMDDHHMM time`);
  const weight = group.weight ? grossKg(group.weight) : null;
  if (!STATUSES.has(status)) throw new Refused("MALFORMED", `EQD status ${JSON.stringify(status)} is not 2, 3 or 6`);
  const full = FULL_OF_INDICATOR.get(indicator);
  if (full === undefined) throw new Refused("MALFORMED", `EQD full/empty indicator ${JSON.stringify(indicator)} is not 4 or 5`);
  const teu = teuOfSizeType(sizeType);
  const deliveryOffice = group.deliveryOffice ? valueAt(group.deliveryOffice, 2) : "";
  const haulage = group.haulage;
  const row: ContainerEventRow = {
    container_no: containerNo,
    event: found.event,
    event_at: eventAt,
    message_type: found.type,
    terminal,
    size_type: sizeType,
    // An unknown size-type has no TEU; the row then only serves as the quarantined candidate.
    teu: teu === null ? "" : String(teu),
    status: Number(status),
    full,
    bill_of_lading: group.billOfLading ? valueAt(group.billOfLading, 1, 1) : "",
    gross_kg: weight,
    seal: group.seal ? valueAt(group.seal, 1) : "",
    voyage: header.voyage,
    vessel_imo: header.vesselImo,
    vessel_name: header.vesselName,
    carrier: header.carrier,
    haulier: haulage ? valueAt(haulage, 5) || valueAt(haulage, 5, 3) : "",
    truck_plate: haulage ? valueAt(haulage, 8) || valueAt(haulage, 8, 3) : "",
    delivery_office: deliveryOffice,
    interchange_ref: header.interchangeRef,
    message_ref: header.ref,
  };
  if (!validContainerNumber(containerNo)) throw new Refused("BAD_CHECK_DIGIT", `container number ${JSON.stringify(containerNo)} fails the ISO 6346 check digit`, row);
  if (teu === null) throw new Refused("UNKNOWN_SIZE_TYPE", `size-type ${JSON.stringify(sizeType)} is not 20, 40 or 45 ft (first character 2, 4 or L)`, row);
  if (!context.reference.terminals.has(terminal)) throw new Refused("UNKNOWN_TERMINAL", `terminal ${JSON.stringify(terminal)} is not in the terminal list`, row);
  if (deliveryOffice !== "" && !context.reference.offices.has(deliveryOffice)) {
    throw new Refused("UNKNOWN_OFFICE", `LOC+7 office ${JSON.stringify(deliveryOffice)} is not in the office list`, row);
  }
  if (weight !== null && isNegative(weight)) throw new Refused("NEGATIVE_QUANTITY", `MEA gross weight ${weight} is negative`, row);
  return row;
}

export interface GroupResult {
  readonly outcome: Outcome<ContainerEventRow>;
  /** `container|event|event_at`, when those three could be read. */
  readonly key: string | null;
}

/** One container group (its EQD first) of a message whose trailers verified. */
export function containerGroupResult(segments: readonly Segment[], header: MessageHeader, context: ParseContext): GroupResult {
  const found = header.event();
  const group = collect(segments, "event" in found ? found.timeQualifier : null);
  const eventMs = group.eventTime ? eventTime(group.eventTime) : null;
  const eventAt = eventMs === null ? null : formatUtc(eventMs);
  const containerNo = valueAt(group.eqd, 2);
  const key = "event" in found && eventAt !== null && containerNo !== "" ? `${containerNo}|${found.event}|${eventAt}` : null;
  try {
    return { outcome: { ok: true, row: toRow(group, header, found, eventAt, context) }, key };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    const outcome: Outcome<ContainerEventRow> = error.candidate
      ? { ok: false, reason: error.reason, detail: error.message, candidate: error.candidate }
      : { ok: false, reason: error.reason, detail: error.message };
    return { outcome, key };
  }
}
