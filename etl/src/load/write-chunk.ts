import { formatUtcMs } from "../core/local-time.js";
import { tabSeparatedCells, tabSeparatedLine, type Column } from "../core/tab-separated.js";
import type { Classified, ChunkContext } from "./classify-chunk.js";

const BOOKKEEPING: readonly Column[] = [
  { name: "_version", kind: "number" },
  { name: "_hash", kind: "number" },
  { name: "_load_id", kind: "text" },
  { name: "_record", kind: "number" },
];

const QUARANTINE_COLUMNS: readonly Column[] = [
  { name: "feed", kind: "text" },
  { name: "file_sha256", kind: "text" },
  { name: "record_index", kind: "number" },
  { name: "load_id", kind: "text" },
  { name: "file_name", kind: "text" },
  { name: "line", kind: "number" },
  { name: "message", kind: "number" },
  { name: "segment", kind: "number" },
  { name: "reason", kind: "text" },
  { name: "detail", kind: "text" },
  { name: "record_key", kind: "text" },
  { name: "raw", kind: "text" },
  { name: "raw_hash", kind: "number" },
  { name: "quarantined_at", kind: "text" },
];

const LEDGER_COLUMNS: readonly Column[] = [
  { name: "feed", kind: "text" },
  { name: "key_hash", kind: "number" },
  { name: "key", kind: "text" },
  { name: "content_hash", kind: "number" },
  { name: "load_id", kind: "text" },
  { name: "record_index", kind: "number" },
  { name: "outcome", kind: "text" },
];

export interface WriteContext extends ChunkContext {
  readonly seq: number;
  readonly fileName: string;
  readonly sha256: string;
}

/**
 * _version: (source rank << 64) | (delivery sequence << 32) | record index —
 * the highest wins. Plain numbers when the rank is 0 (exact below 2^53, that
 * is for the first two million loads); BigInt only when a rank is set.
 */
export function recordVersion(rank: number, seq: number, index: number): string {
  if (rank === 0 && seq < 2 ** 21) return String(seq * 4294967296 + index);
  return ((BigInt(rank) << 64n) | (BigInt(seq) << 32n) | BigInt(index)).toString();
}

function columnNames(columns: readonly Column[]): [string, ...string[]] {
  return columns.map((c) => c.name) as [string, ...string[]];
}

/**
 * Writes a classified chunk: loaded rows into the feed table and refused
 * records into quarantine first, then their ledger entries, which mark them
 * as done. A kill between the two leaves rows without ledger entries: the
 * resumed load writes them again, harmlessly (same version, same quarantine key).
 */
export async function writeChunk(context: WriteContext, classified: readonly Classified[]): Promise<void> {
  const { warehouse, spec, loadId, seq } = context;
  // Rows are written as their values (already serialised for the content hash), then the other columns.
  const feedColumns = [...context.columns.values, ...context.columns.others, ...BOOKKEEPING];
  const others = context.columns.others;
  let feedBody = "";
  let feedRows = 0;
  let quarantineBody = "";
  let quarantineRows = 0;
  let ledgerBody = "";
  let ledgerRows = 0;
  const now = formatUtcMs(Date.now());
  for (const item of classified) {
    const { verdict, record } = item;
    if (verdict.kind === "duplicate" || verdict.resumed) continue;
    if (verdict.kind === "loaded") {
      const rest = others.length > 0 ? `\t${tabSeparatedCells(others, verdict.row)}` : "";
      feedBody += `${item.valuesLine}${rest}\t${recordVersion(spec.rank(verdict.row), seq, record.index)}\t${item.contentHash}\t${loadId}\t${record.index}\n`;
      feedRows++;
    } else {
      quarantineRows++;
      quarantineBody += tabSeparatedLine(QUARANTINE_COLUMNS, {
        feed: spec.id,
        file_sha256: context.sha256,
        record_index: record.index,
        load_id: loadId,
        file_name: context.fileName,
        line: record.position.line,
        message: record.position.message,
        segment: record.position.segment,
        reason: verdict.reason,
        detail: verdict.detail,
        record_key: record.key ?? "",
        raw: record.raw,
        raw_hash: item.contentHash,
        quarantined_at: now,
      });
    }
    ledgerBody += tabSeparatedLine(LEDGER_COLUMNS, { feed: spec.id, key_hash: item.keyHash, key: item.key, content_hash: item.contentHash, load_id: loadId, record_index: record.index, outcome: verdict.kind });
    ledgerRows++;
  }
  const tag = `etl:${spec.id}`;
  await Promise.all([
    warehouse.insertText(spec.table, columnNames(feedColumns), feedBody, { tag: `${tag}:rows`, rows: feedRows, timeoutMs: 600_000 }),
    warehouse.insertText("quarantine", columnNames(QUARANTINE_COLUMNS), quarantineBody, { tag: `${tag}:quarantine`, rows: quarantineRows }),
  ]);
  await warehouse.insertText("record_ledger", columnNames(LEDGER_COLUMNS), ledgerBody, { tag: `${tag}:ledger`, rows: ledgerRows, timeoutMs: 600_000 });
}
