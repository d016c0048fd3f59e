import type { Warehouse } from "@corridor/warehouse";

export interface FeedActivityRow {
  feed: string;
  loads: string;
  records_read: string;
  records_loaded: string;
  records_quarantined: string;
}

export interface QuarantineByFeedRow {
  feed: string;
  /** Records in quarantine now, whenever they were refused. */
  total: string;
}

/** Loads and quarantined records per feed, for the reports' data-quality section. */
export class FeedActivityQueries {
  constructor(private readonly warehouse: Warehouse) {}

  /** Per feed, the loads that started in [from, to) (UTC) and their counters: what the week brought in and refused. */
  activity(from: Date, to: Date): Promise<FeedActivityRow[]> {
    return this.warehouse.query<FeedActivityRow>({
      sql: `SELECT feed, toString(count()) AS loads, toString(sum(records_read)) AS records_read, toString(sum(records_loaded)) AS records_loaded,
                   toString(sum(records_quarantined)) AS records_quarantined
            FROM load_log FINAL
            WHERE status IN ('loaded', 'quarantined') AND feed != '' AND started_at >= {from:DateTime64(3)} AND started_at < {to:DateTime64(3)}
            GROUP BY feed`,
      params: { from: from.getTime() / 1000, to: to.getTime() / 1000 },
      tag: "reports:load-activity",
    });
  }

  /** Per feed, the records in quarantine now (one per record of a file, however often it was loaded). */
  inQuarantine(): Promise<QuarantineByFeedRow[]> {
    return this.warehouse.query<QuarantineByFeedRow>({ sql: "SELECT feed, toString(count()) AS total FROM quarantine FINAL GROUP BY feed", tag: "reports:quarantine" });
  }
}
