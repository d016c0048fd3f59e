import { formatUtc, formatUtcMs, parseTimestamp } from "../../core/local-time.js";
import { isNegative } from "../../core/numbers.js";
import type { ReasonCode } from "../../core/reasons.js";
import { decodeText } from "../../core/text-decoding.js";
import type { Outcome, Parser, ParseContext, SourceRecord } from "../../core/types.js";
import type { TransitEvent, TransitEventRow } from "./row.js";

const EVENTS: ReadonlySet<string> = new Set(["DEPARTED", "ARRIVED", "RELEASED", "COMPLETED", "CANCELLED"]);

class Refused extends Error {
  constructor(
    readonly reason: ReasonCode,
    detail: string,
  ) {
    super(detail);
  }
}

function text(object: Record<string, unknown>, field: string, required: boolean): string {
  const value = object[field];
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
    if (required) throw new Refused("MISSING_FIELD", `"${field}" is missing`);
    return "";
  }
  if (typeof value !== "string") throw new Refused("MALFORMED", `"${field}" must be a string, got ${JSON.stringify(value)}`);
  return value.trim();
}

/** Checks one parsed line; throws Refused with the first problem found. */
function toRow(object: Record<string, unknown>, context: ParseContext): TransitEventRow {
  const movement = text(object, "movement", true);
  const event = text(object, "event", true);
  const officeCode = text(object, "office", true);
  const atText = text(object, "at", true);
  if (!EVENTS.has(event)) throw new Refused("MALFORMED", `"event" ${JSON.stringify(event)} is not one of ${[...EVENTS].join(", ")}`);
  const departed = event === "DEPARTED";
  const route = text(object, "route", departed);
  const declaration = text(object, "declaration", departed);
  const recordedText = text(object, "recordedAt", false);
  const office = context.reference.offices.get(officeCode);
  // The office's zone is needed to read `at`, but an unknown office is reported after date problems of other fields.
  const at = parseTimestamp(atText, office?.timezone ?? "UTC");
  if (at === null) throw new Refused("BAD_DATE", `"at" ${JSON.stringify(atText)} is not a date-time`);
  const recorded = recordedText === "" ? null : parseTimestamp(recordedText, "UTC");
  if (recordedText !== "" && recorded === null) throw new Refused("BAD_DATE", `"recordedAt" ${JSON.stringify(recordedText)} is not a date-time`);
  const weight = object.grossKg;
  let grossKg: string | null = null;
  if (weight !== undefined && weight !== null) {
    if (typeof weight !== "number" || !Number.isFinite(weight)) throw new Refused("BAD_NUMBER", `"grossKg" ${JSON.stringify(weight)} is not a number`);
    grossKg = String(weight);
  }
  const containers = object.containers;
  if (containers !== undefined && containers !== null && (!Array.isArray(containers) || containers.some((c) => typeof c !== "string"))) {
    throw new Refused("MALFORMED", `"containers" must be a list of container numbers`);
  }
  const escort = object.escort;
  if (escort !== undefined && escort !== null && typeof escort !== "boolean") throw new Refused("MALFORMED", `"escort" must be true or false`);
  if (!office) throw new Refused("UNKNOWN_OFFICE", `office ${JSON.stringify(officeCode)} is not in the office list`);
  const row: TransitEventRow = {
    movement,
    event: event as TransitEvent,
    office: officeCode,
    office_country: office.country,
    at: formatUtc(at),
    recorded_at: recorded === null ? null : formatUtcMs(recorded),
    declaration,
    route,
    truck: text(object, "truck", false),
    containers: ((containers as string[] | undefined) ?? []).map((c) => c.trim()),
    gross_kg: grossKg,
    escort: escort === undefined || escort === null ? null : escort ? 1 : 0,
  };
  if (route !== "") {
    const known = context.reference.routes.get(route);
    if (!known) throw new RefusedWithRow("UNKNOWN_ROUTE", `route ${JSON.stringify(route)} is not in the route list`, row);
    if (!known.offices.includes(officeCode)) throw new RefusedWithRow("OFFICE_NOT_ON_ROUTE", `office ${officeCode} is not on route ${route} (${known.offices.join(">")})`, row);
  }
  if (grossKg !== null && isNegative(grossKg)) throw new RefusedWithRow("NEGATIVE_QUANTITY", `"grossKg" ${grossKg} is negative`, row);
  return row;
}

/** A refusal found after every field was read: the parsed row goes along as the candidate. */
class RefusedWithRow extends Refused {
  constructor(
    reason: ReasonCode,
    detail: string,
    readonly row: TransitEventRow,
  ) {
    super(reason, detail);
  }
}

function outcomeOf(line: string, context: ParseContext): { outcome: Outcome<TransitEventRow>; key: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return { outcome: { ok: false, reason: "MALFORMED_JSON", detail: (error as Error).message }, key: null };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { outcome: { ok: false, reason: "MALFORMED_JSON", detail: "a line must hold one JSON object" }, key: null };
  }
  const object = parsed as Record<string, unknown>;
  const keyParts = [object.movement, object.event, object.office];
  const key = keyParts.every((p) => typeof p === "string" && p.trim() !== "") ? keyParts.map((p) => (p as string).trim()).join("|") : null;
  try {
    return { outcome: { ok: true, row: toRow(object, context) }, key };
  } catch (error) {
    if (error instanceof RefusedWithRow) return { outcome: { ok: false, reason: error.reason, detail: error.message, candidate: error.row }, key };
    if (error instanceof Refused) return { outcome: { ok: false, reason: error.reason, detail: error.message }, key };
    throw error;
  }
}

/**
 * Transit movements, one JSON object a line (formats.md §4). Blank lines are
 * not records; a BOM is allowed; unknown fields are ignored. Checks that need
 * what was loaded before (the movement's route and departure) are the
 * loader's, as this parser sees one file.
 */
export const parseTransitMovements: Parser<TransitEventRow> = async function* (bytes, context) {
  let pending = "";
  let lineNumber = 0;
  let index = 0;
  let first = true;
  const emit = (line: string): SourceRecord<TransitEventRow> | null => {
    lineNumber++;
    let content = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (first) {
      first = false;
      if (content.startsWith("\uFEFF")) content = content.slice(1);
    }
    if (content.trim() === "") return null;
    index++;
    const { outcome, key } = outcomeOf(content, context);
    return { index, position: { line: lineNumber, message: 0, segment: 0 }, raw: content, key, outcome };
  };
  for await (const chunk of decodeText(bytes, "utf-8")) {
    pending += chunk;
    let start = 0;
    let newline = pending.indexOf("\n", start);
    while (newline !== -1) {
      const record = emit(pending.slice(start, newline));
      if (record) yield record;
      start = newline + 1;
      newline = pending.indexOf("\n", start);
    }
    pending = pending.slice(start);
  }
  if (pending !== "") {
    const record = emit(pending);
    if (record) yield record;
  }
};
