import type { FeedId, TableName, Warehouse } from "@corridor/warehouse";
import { formatUtcMs } from "../core/local-time.js";
import { tabSeparatedCells, tabSeparatedLine, type Column } from "../core/tab-separated.js";
import type { Row, SourceRecord } from "../core/types.js";
import type { ChunkContext, Classified, LedgerEntry } from "./classify-chunk.js";

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

function names(columns: readonly Column[]): [string, ...string[]] {
  return columns.map((c) => c.name) as [string, ...string[]];
}

interface FeedBuffer {
  readonly table: TableName;
  readonly columns: readonly Column[];
  rows: string;
  rowCount: number;
}

/**
 * Writes a batch's records in large statements. The engine pays a fixed cost
 * per statement and makes a part per insert, so records of consecutive files
 * are gathered and flushed together, every `maxRecords` records and at the
 * end of the batch: first the loaded rows and quarantined records, then their
 * ledger entries, which mark them done. Until then classification reads the
 * unflushed entries from here. A batch killed loses only unflushed work,
 * which the resumed loads redo.
 */
export class BatchWriter {
  private readonly feeds = new Map<FeedId, FeedBuffer>();
  private quarantine = "";
  private quarantineCount = 0;
  private ledger = "";
  private ledgerCount = 0;
  /** Unflushed ledger entries, by feed and key, for classification. */
  private entries = new Map<string, LedgerEntry[]>();
  /** Unflushed records by feed, for the feeds' checks against earlier records. */
  private records = new Map<FeedId, SourceRecord<Row>[]>();

  /** Characters gathered (rows, quarantine, ledger): large records (declarations) flush on size before count. */
  private chars = 0;

  constructor(
    private readonly warehouse: Warehouse,
    private readonly maxRecords = 25_000,
    private readonly maxChars = 32 * 1024 * 1024,
  ) {}

  entriesFor(feed: FeedId, key: string): readonly LedgerEntry[] {
    return this.entries.get(`${feed}|${key}`) ?? [];
  }

  unflushed(feed: FeedId): readonly SourceRecord<Row>[] {
    return this.records.get(feed) ?? [];
  }

  /** Adds a classified chunk; flushes when enough has gathered. */
  async add(context: WriteContext, classified: readonly Classified[]): Promise<void> {
    const { spec, loadId, seq } = context;
    let buffer = this.feeds.get(spec.id);
    if (!buffer) {
      buffer = { table: spec.table, columns: [...context.columns.values, ...context.columns.others, ...BOOKKEEPING], rows: "", rowCount: 0 };
      this.feeds.set(spec.id, buffer);
    }
    const others = context.columns.others;
    const now = formatUtcMs(Date.now());
    // Only feeds that check against earlier records need them, and not their raw text.
    const kept = spec.checkAgainstState ? (this.records.get(spec.id) ?? []) : null;
    const before = this.quarantine.length + this.ledger.length + buffer.rows.length;
    for (const item of classified) {
      const { verdict, record } = item;
      if (verdict.kind === "duplicate" || verdict.resumed) continue;
      if (verdict.kind === "loaded") {
        // The row is the record's values (already written out for its content hash), then the other columns.
        const rest = others.length > 0 ? `\t${tabSeparatedCells(others, verdict.row)}` : "";
        buffer.rows += `${item.valuesLine}${rest}\t${recordVersion(spec.rank(verdict.row), seq, record.index)}\t${item.contentHash}\t${loadId}\t${record.index}\n`;
        buffer.rowCount++;
        kept?.push({ index: record.index, position: record.position, raw: "", key: record.key, outcome: record.outcome });
      } else {
        this.quarantine += tabSeparatedLine(QUARANTINE_COLUMNS, {
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
        this.quarantineCount++;
      }
      this.ledger += tabSeparatedLine(LEDGER_COLUMNS, { feed: spec.id, key_hash: item.keyHash, key: item.key, content_hash: item.contentHash, load_id: loadId, record_index: record.index, outcome: verdict.kind });
      this.ledgerCount++;
      const entryKey = `${spec.id}|${item.key}`;
      const list = this.entries.get(entryKey) ?? [];
      list.push({ key: item.key, content_hash: String(item.contentHash), load_id: loadId, record_index: record.index, outcome: verdict.kind });
      this.entries.set(entryKey, list);
    }
    if (kept) this.records.set(spec.id, kept);
    this.chars += this.quarantine.length + this.ledger.length + buffer.rows.length - before;
    if (this.ledgerCount >= this.maxRecords || this.chars >= this.maxChars) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.ledgerCount === 0) return;
    const writes: Promise<void>[] = [];
    for (const [feed, buffer] of this.feeds) {
      writes.push(this.warehouse.insertText(buffer.table, names(buffer.columns), buffer.rows, { tag: `etl:${feed}:rows`, rows: buffer.rowCount, timeoutMs: 600_000 }));
    }
    writes.push(this.warehouse.insertText("quarantine", names(QUARANTINE_COLUMNS), this.quarantine, { tag: "etl:quarantine", rows: this.quarantineCount, timeoutMs: 600_000 }));
    await Promise.all(writes);
    await this.warehouse.insertText("record_ledger", names(LEDGER_COLUMNS), this.ledger, { tag: "etl:ledger", rows: this.ledgerCount, timeoutMs: 600_000 });
    this.feeds.clear();
    this.quarantine = "";
    this.quarantineCount = 0;
    this.ledger = "";
    this.ledgerCount = 0;
    this.chars = 0;
    this.entries = new Map();
    this.records = new Map();
  }
}
