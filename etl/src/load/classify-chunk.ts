import type { FeedId, Warehouse } from "@corridor/warehouse";
import type { FeedSpec } from "../core/feed-spec.js";
import { hash53 } from "../core/hash53.js";
import { tabSeparatedCells, type Column } from "../core/tab-separated.js";
import type { ReasonCode } from "../core/reasons.js";
import type { ReferenceData, Row, SourceRecord } from "../core/types.js";

/** What became of one record. `resumed`: this same load wrote it before it was killed; nothing to write again. */
export type Verdict =
  | { readonly kind: "loaded"; readonly row: Row; readonly resumed: boolean; readonly replaces: boolean }
  | { readonly kind: "quarantined"; readonly reason: ReasonCode; readonly detail: string; readonly resumed: boolean }
  | { readonly kind: "duplicate" };

export interface Classified {
  readonly record: SourceRecord<Row>;
  readonly key: string;
  readonly keyHash: number;
  readonly contentHash: number;
  /** The record's values as TabSeparated cells (the start of its row), when it parsed. */
  readonly valuesLine: string | null;
  readonly verdict: Verdict;
}

export interface LedgerEntry {
  readonly key: string;
  readonly content_hash: string;
  readonly load_id: string;
  readonly record_index: number;
  readonly outcome: "loaded" | "quarantined";
}

export interface ChunkContext {
  readonly warehouse: Warehouse;
  readonly spec: FeedSpec<Row>;
  /** The spec's columns that make a record's values, and the others (valueColumns(spec)). */
  readonly columns: { readonly values: readonly Column[]; readonly others: readonly Column[] };
  readonly loadId: string;
  readonly reference: ReferenceData;
}

async function ledgerEntries(warehouse: Warehouse, feed: FeedId, keyHashes: readonly number[]): Promise<Map<string, LedgerEntry[]>> {
  const rows = await warehouse.query<LedgerEntry>({
    sql: `SELECT key, toString(content_hash) AS content_hash, toString(load_id) AS load_id, record_index, toString(outcome) AS outcome
          FROM record_ledger WHERE feed = {feed:String} AND key_hash IN {hashes:Array(UInt64)}`,
    params: { feed, hashes: [...new Set(keyHashes)] },
    tag: `etl:${feed}:ledger`,
  });
  const byKey = new Map<string, LedgerEntry[]>();
  for (const row of rows) {
    const list = byKey.get(row.key);
    if (list) list.push(row);
    else byKey.set(row.key, [row]);
  }
  return byKey;
}

/** What classification needs from records written but not yet flushed to the warehouse. */
export interface Unflushed {
  entriesFor(feed: FeedId, key: string): readonly LedgerEntry[];
  unflushed(feed: FeedId): readonly SourceRecord<Row>[];
}

/** Refusals of the feed's checks against what was loaded before, by record index. */
async function stateRefusals(context: ChunkContext, records: readonly SourceRecord<Row>[], pending: Unflushed): Promise<Map<number, { reason: ReasonCode; detail: string }>> {
  const { spec, warehouse, reference } = context;
  if (!spec.checkAgainstState) return new Map();
  const refusals = await spec.checkAgainstState(records, { reference, query: (sql, params, tag) => warehouse.query({ sql, params, tag }) }, pending.unflushed(spec.id));
  return new Map(refusals.map((r) => [r.index, { reason: r.reason, detail: r.detail }]));
}

/**
 * Decides, in file order, what each record of a chunk is (formats.md): a
 * record equal (same key, same parsed values) to one already loaded or
 * quarantined, by another load or earlier in this one, is a duplicate; a
 * record this same load wrote before it was killed (same load_id and record
 * index in the ledger) counts as it counted then; anything else is loaded,
 * or quarantined with its reason. Records gathered but not yet flushed
 * (`pending`) count as written.
 */
export async function classifyChunk(context: ChunkContext, records: readonly SourceRecord<Row>[], pending: Unflushed): Promise<Classified[]> {
  const { warehouse, spec, loadId } = context;
  const refused = await stateRefusals(context, records, pending);
  const prepared = records.map((record) => {
    const key = record.key ?? `raw:${hash53(record.raw)}`;
    const row = record.outcome.ok ? record.outcome.row : record.outcome.candidate;
    // Same values, whatever the bytes: a row re-sent in the other CSV dialect hashes the same.
    const valuesLine = row ? tabSeparatedCells(context.columns.values, row) : null;
    const contentHash = valuesLine !== null ? hash53(valuesLine) : hash53(`raw:${record.raw}`);
    return { record, key, keyHash: hash53(key), contentHash, valuesLine };
  });
  const known = await ledgerEntries(warehouse, spec.id, prepared.map((p) => p.keyHash));
  // Records already decided in this chunk, by key: an earlier equal record makes a later one a duplicate.
  const earlier = new Map<string, { contentHash: number; loaded: boolean }[]>();
  return prepared.map(({ record, key, keyHash, contentHash, valuesLine }): Classified => {
    const stored = known.get(key);
    const gathered = pending.entriesFor(spec.id, key);
    const entries = gathered.length === 0 ? (stored ?? []) : [...(stored ?? []), ...gathered];
    const mine = entries.find((e) => e.load_id === loadId && e.record_index === record.index);
    const refusal = refused.get(record.index);
    let verdict: Verdict;
    if (mine) {
      verdict = resumedVerdict(record, mine.outcome, refusal);
    } else if (entries.some((e) => Number(e.content_hash) === contentHash && (e.load_id !== loadId || e.record_index < record.index)) || earlier.get(key)?.some((e) => e.contentHash === contentHash)) {
      verdict = { kind: "duplicate" };
    } else if (record.outcome.ok && !refusal) {
      // Another version of this key is in force: the months of that version must be rebuilt too.
      const replaces = entries.some((e) => e.outcome === "loaded") || Boolean(earlier.get(key)?.some((e) => e.loaded));
      verdict = { kind: "loaded", row: record.outcome.row, resumed: false, replaces };
    } else if (!record.outcome.ok) {
      verdict = { kind: "quarantined", reason: record.outcome.reason, detail: record.outcome.detail, resumed: false };
    } else {
      verdict = { kind: "quarantined", reason: (refusal as { reason: ReasonCode }).reason, detail: (refusal as { detail: string }).detail, resumed: false };
    }
    if (verdict.kind !== "duplicate") {
      const list = earlier.get(key) ?? [];
      list.push({ contentHash, loaded: verdict.kind === "loaded" });
      earlier.set(key, list);
    }
    return { record, key, keyHash, contentHash, valuesLine, verdict };
  });
}

/** A record the killed run already wrote: it counts as the ledger says, whatever the checks say now. */
function resumedVerdict(record: SourceRecord<Row>, outcome: "loaded" | "quarantined", refusal: { reason: ReasonCode; detail: string } | undefined): Verdict {
  const row = record.outcome.ok ? record.outcome.row : record.outcome.candidate;
  if (outcome === "loaded" && row) return { kind: "loaded", row, resumed: true, replaces: true };
  const reason = !record.outcome.ok ? record.outcome.reason : (refusal?.reason ?? "MALFORMED");
  const detail = !record.outcome.ok ? record.outcome.detail : (refusal?.detail ?? "quarantined by an earlier run of this load");
  return { kind: "quarantined", reason, detail, resumed: true };
}
