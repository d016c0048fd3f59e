/**
 * The quarantine list's own filters in the address (`qfeed`, `qreason`,
 * `qfile`), so a link shows the same records, and how a record's place in
 * its file is said. Pure, tested in web/test/data-quarantine.test.ts.
 */
import type { Feed } from "../../gql/graphql";

export interface QuarantineFilters {
  readonly feed: Feed | null;
  readonly reason: string | null;
  readonly file: string | null;
}

const FEEDS: readonly Feed[] = ["VESSEL_CALLS", "CONTAINER_EVENTS", "CUSTOMS_DECLARATIONS", "TRANSIT_MOVEMENTS", "PORT_INVOICES"];
const REASON = /^[A-Z][A-Z_]{1,39}$/u;

export function parseQuarantineFilters(params: URLSearchParams): QuarantineFilters {
  const feed = params.get("qfeed");
  const reason = params.get("qreason");
  const file = params.get("qfile");
  return {
    feed: feed && (FEEDS as readonly string[]).includes(feed) ? (feed as Feed) : null,
    reason: reason && REASON.test(reason) ? reason : null,
    file: file && file.length <= 300 ? file : null,
  };
}

/** Writes the quarantine filters into an address, keeping every other parameter (the view's filters, the language). */
export function writeQuarantineFilters(filters: QuarantineFilters, base: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  const set = (key: string, value: string | null) => (value ? params.set(key, value) : params.delete(key));
  set("qfeed", filters.feed);
  set("qreason", filters.reason);
  set("qfile", filters.file);
  return params;
}

export interface RecordPlace {
  readonly recordIndex: number;
  readonly line: number | null;
  readonly message: number | null;
  readonly segment: number | null;
}

/** `message 3, segment 56, ligne 57`, `ligne 4`, or the record's rank when the file has no lines to speak of. */
export function placeOf(record: RecordPlace, language: "fr" | "en"): string {
  const words = language === "fr" ? { line: "ligne", record: "enregistrement n°" } : { line: "line", record: "record" };
  const parts: string[] = [];
  if (record.message !== null) parts.push(`message ${record.message}`);
  if (record.segment !== null) parts.push(`segment ${record.segment}`);
  if (record.line !== null) parts.push(`${words.line} ${record.line}`);
  return parts.length ? parts.join(", ") : `${words.record} ${record.recordIndex}`;
}
