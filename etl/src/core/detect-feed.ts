import type { FeedId } from "@corridor/warehouse";

const VESSEL_CALL_COLUMNS = ["call_id", "vessel_name", "imo", "voyage", "terminal", "arrived_at", "berthed_at", "departed_at", "teu_discharged", "teu_loaded", "tonnes_discharged", "tonnes_loaded"];
const INVOICE_COLUMNS = ["invoice_no", "issued_at", "fee_code", "amount", "currency", "country", "call_id", "container", "declaration", "credit_note_of"];

/** The header names of a CSV first line, trimmed, unquoted, lower-cased. */
export function headerNames(firstLine: string): string[] {
  const delimiter = firstLine.split(";").length > firstLine.split(",").length ? ";" : ",";
  return firstLine.split(delimiter).map((name) => name.trim().replace(/^"(.*)"$/su, "$1").trim().toLowerCase());
}

/**
 * Which feed a file holds, from its first bytes (formats.md): EDIFACT starts
 * with UNA or UNB, customs XML has root ASYCUDA_BATCH or ASYCUDA, JSON Lines
 * starts with `{`, and the two CSV feeds are told apart by their header.
 * Null when it is none of them.
 */
export function detectFeed(head: Buffer): FeedId | null {
  // Text up to the first line break is enough for CSV headers; latin1 keeps every byte as one character.
  let text = head.toString("latin1");
  if (text.startsWith("\u00EF\u00BB\u00BF")) text = text.slice(3); // UTF-8 BOM read as latin1
  const start = text.trimStart();
  if (start.startsWith("UNA") || start.startsWith("UNB")) return "container-events";
  if (start.startsWith("{")) return "transit-movements";
  if (start.startsWith("<")) {
    const root = /<(?!\?|!)([A-Za-z_][\w.-]*)/u.exec(start.replace(/<!--[\s\S]*?-->/gu, ""));
    return root?.[1] === "ASYCUDA_BATCH" || root?.[1] === "ASYCUDA" ? "customs-declarations" : null;
  }
  const firstLine = start.split(/\r?\n/u)[0] ?? "";
  const names = new Set(headerNames(firstLine));
  if (VESSEL_CALL_COLUMNS.every((c) => names.has(c))) return "vessel-calls";
  if (INVOICE_COLUMNS.every((c) => names.has(c))) return "port-invoices";
  return null;
}
