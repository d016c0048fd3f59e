import { parseArgs } from "node:util";
import { isFeedId, type Warehouse } from "@corridor/warehouse";
import { isReasonCode } from "../core/reasons.js";
import { EXIT, UsageError, type CommandIo } from "./command-io.js";
import { quarantineRecordsStatement, type QuarantineRow } from "./quarantine-query.js";

const COLUMNS: readonly (keyof QuarantineRow)[] = ["quarantined_at", "feed", "file_name", "record_index", "line", "message", "segment", "reason", "detail", "record_key", "fixed", "raw"];

function csvCell(value: unknown): string {
  const text = String(value ?? "");
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

function where(position: QuarantineRow): string {
  if (position.message > 0) return `message ${position.message}, segment ${position.segment}, ligne/line ${position.line}`;
  return `ligne/line ${position.line}`;
}

/**
 * `etl quarantine [--file NAME] [--reason CODE] [--feed FEED] [--limit N] [--csv]`:
 * the quarantined records with where they are and why. `fixed` says a later
 * load brought the same record (by key) in correctly.
 */
export async function quarantineCommand(warehouse: Warehouse, args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { file: { type: "string" }, reason: { type: "string" }, feed: { type: "string" }, limit: { type: "string", default: "50" }, csv: { type: "boolean", default: false } },
    strict: true,
  });
  if (values.reason !== undefined && !isReasonCode(values.reason)) throw new UsageError(`--reason: code inconnu / unknown code ${values.reason}`);
  if (values.feed !== undefined && !isFeedId(values.feed)) throw new UsageError(`--feed: flux inconnu / unknown feed ${values.feed}`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) throw new UsageError("--limit: un entier de 1 à 1 000 000 / an integer from 1 to 1,000,000");
  const statement = quarantineRecordsStatement({ file: values.file, reason: values.reason, feed: values.feed, limit: values.csv ? 1_000_000 : limit }, "etl:quarantine");
  if (values.csv) {
    io.out.write(`${COLUMNS.join(",")}\n`);
    for await (const row of warehouse.stream<QuarantineRow>(statement)) io.out.write(`${COLUMNS.map((c) => csvCell(row[c])).join(",")}\n`);
    return EXIT.ok;
  }
  const rows = await warehouse.query<QuarantineRow>(statement);
  if (rows.length === 0) {
    io.out.write("Aucun enregistrement en quarantaine. / No quarantined record.\n");
    return EXIT.ok;
  }
  for (const row of rows) {
    io.out.write(`${row.reason}  ${row.file_name}, ${where(row)}${row.record_key ? `  [${row.record_key}]` : ""}${row.fixed ? "  (corrigé depuis / fixed since)" : ""}\n`);
    io.out.write(`    ${row.detail}\n    ${row.raw.length > 300 ? `${row.raw.slice(0, 300)}…` : row.raw}\n`);
  }
  return EXIT.ok;
}
