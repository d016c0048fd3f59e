import type { Statement } from "@corridor/warehouse";

/** One quarantined record as `etl quarantine` and the API's `quarantine` query read it. */
export interface QuarantineRow {
  feed: string;
  file_name: string;
  record_index: number;
  line: number;
  message: number;
  segment: number;
  reason: string;
  detail: string;
  record_key: string;
  /** The raw text, cut at `rawChars` characters when asked. */
  raw: string;
  /** The raw text's full length in characters, to say it was cut. */
  raw_length: number;
  quarantined_at: string;
  /** 1 when a later load brought the same record (by key) in correctly. */
  fixed: number;
}

export interface QuarantineFilter {
  /** Empty strings (or undefined) mean "any". */
  readonly file?: string;
  readonly reason?: string;
  readonly feed?: string;
  /** Only these feeds (a country-scoped account: the port-wide ones); empty or undefined: every feed. */
  readonly feeds?: readonly string[];
}

export interface QuarantineReasonRow {
  reason: string;
  records: string;
}

const WHERE = `({file:String} = '' OR q.file_name = {file:String})
            AND ({reason:String} = '' OR q.reason = {reason:String})
            AND ({feed:String} = '' OR q.feed = {feed:String})
            AND (empty({feeds:Array(String)}) OR has({feeds:Array(String)}, toString(q.feed)))`;

const params = (filter: QuarantineFilter) => ({ file: filter.file ?? "", reason: filter.reason ?? "", feed: filter.feed ?? "", feeds: [...(filter.feeds ?? [])] });

/**
 * The quarantined records matching `filter`, newest first, with where they
 * are and why; `rawChars` cuts the raw text (the CLI's CSV export keeps it
 * whole). Every value is a bound parameter.
 */
export function quarantineRecordsStatement(filter: QuarantineFilter & { readonly limit: number; readonly rawChars?: number }, tag: string): Statement {
  return {
    sql: `SELECT q.feed AS feed, q.file_name AS file_name, q.record_index AS record_index, q.line AS line, q.message AS message, q.segment AS segment,
                 toString(q.reason) AS reason, q.detail AS detail, q.record_key AS record_key,
                 substringUTF8(q.raw, 1, {rawChars:UInt32}) AS raw, lengthUTF8(q.raw) AS raw_length, q.quarantined_at AS quarantined_at,
                 q.record_key != '' AND l.loaded_at > q.quarantined_at AS fixed
          FROM quarantine AS q FINAL
          LEFT JOIN (
              SELECT feed, key, max(recorded_at) AS loaded_at FROM record_ledger
              WHERE outcome = 'loaded' AND key IN (SELECT record_key FROM quarantine WHERE record_key != '')
              GROUP BY feed, key
          ) AS l ON l.feed = q.feed AND l.key = q.record_key
          WHERE ${WHERE}
          ORDER BY q.quarantined_at DESC, q.file_name, q.record_index
          LIMIT {limit:UInt32}`,
    params: { ...params(filter), limit: filter.limit, rawChars: filter.rawChars ?? 4_294_967_295 },
    tag,
  };
}

/** How many records are quarantined for each reason, among those matching `filter` (most frequent first). */
export function quarantineReasonsStatement(filter: QuarantineFilter, tag: string): Statement {
  return {
    sql: `SELECT toString(q.reason) AS reason, toString(count()) AS records
          FROM quarantine AS q FINAL
          WHERE ${WHERE}
          GROUP BY reason
          ORDER BY count() DESC, reason`,
    params: params(filter),
    tag,
  };
}
