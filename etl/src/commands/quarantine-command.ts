import { parseArgs } from "node:util";
import { isFeedId, type Warehouse } from "@corridor/warehouse";
import { isReasonCode } from "../core/reasons.js";
import { EXIT, UsageError, type CommandIo } from "./command-io.js";

interface QuarantineRow {
  feed: string;
  file_name: string;
  record_index: number;
  line: number;
  message: number;
  segment: number;
  reason: string;
  detail: string;
  record_key: string;
  raw: string;
  quarantined_at: string;
  fixed: number;
}

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
  const statement = {
    sql: `SELECT q.feed AS feed, q.file_name AS file_name, q.record_index AS record_index, q.line AS line, q.message AS message, q.segment AS segment,
                 toString(q.reason) AS reason, q.detail AS detail, q.record_key AS record_key, q.raw AS raw, q.quarantined_at AS quarantined_at,
                 q.record_key != '' AND l.loaded_at > q.quarantined_at AS fixed
          FROM quarantine AS q FINAL
          LEFT JOIN (
              SELECT feed, key, max(recorded_at) AS loaded_at FROM record_ledger
              WHERE outcome = 'loaded' AND key IN (SELECT record_key FROM quarantine WHERE record_key != '')
              GROUP BY feed, key
          ) AS l ON l.feed = q.feed AND l.key = q.record_key
          WHERE ({file:String} = '' OR q.file_name = {file:String})
            AND ({reason:String} = '' OR q.reason = {reason:String})
            AND ({feed:String} = '' OR q.feed = {feed:String})
          ORDER BY q.quarantined_at DESC, q.file_name, q.record_index
          LIMIT {limit:UInt32}`,
    params: { file: values.file ?? "", reason: values.reason ?? "", feed: values.feed ?? "", limit: values.csv ? 1_000_000 : limit },
    tag: "etl:quarantine",
  };
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
