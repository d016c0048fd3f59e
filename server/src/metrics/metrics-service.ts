import { FEEDS, type Warehouse } from "@corridor/warehouse";
import type { PlatformQueries } from "../queries/platform.queries.js";
import type { ReferenceQueries } from "../queries/reference.queries.js";
import { consigneeLabels, labelsOf, type LabelIndex } from "./labels.js";
import type { DimensionId } from "./registry/dimensions.js";
import { runMetrics, type MetricAnswer } from "./query/run-metrics.js";
import type { MetricRequest } from "./query/plan.js";
import { RecentValue } from "./recent-value.js";
import { checkMetricScope } from "./scope.js";
import type { StatementLimits } from "./query/statement-limits.js";

export interface MetricsLimits {
  /** Time limit of each statement, passed to the engine. */
  readonly queryTimeoutMs: number;
  /** Rows any one statement may return before the answer is refused as too large. */
  readonly maxSourceRows: number;
}

export const DEFAULT_METRICS_LIMITS: MetricsLimits = { queryTimeoutMs: 15_000, maxSourceRows: 200_000 };

/** Reference lists change only when the platform starts (reference sync) or another node does. */
const LABELS_TTL_MS = 5 * 60_000;
/**
 * Freshness changes as loads write: this process forgets it when one of its loads ends (`dataChanged`),
 * and a load by another process against a ClickHouse server shows within this bound.
 */
const FRESHNESS_TTL_MS = 10_000;

export interface FeedFreshness {
  readonly feed: string;
  /** Latest event among the records loaded from this feed (UTC, ISO); null before any load. */
  readonly lastEventAt: string | null;
}

export interface LabelledAnswer extends MetricAnswer {
  readonly labels: ReadonlyMap<DimensionId, LabelIndex>;
  readonly dataAsOf: readonly FeedFreshness[];
}

/** The semantic layer as the API, the CSV export and the reports use it: figures, their labels and their freshness. */
export class MetricsService {
  private readonly labelCache = new Map<DimensionId, RecentValue<LabelIndex>>();
  private readonly freshness: RecentValue<FeedFreshness[]>;

  constructor(
    private readonly warehouse: Warehouse,
    private readonly reference: ReferenceQueries,
    platform: PlatformQueries,
    readonly limits: MetricsLimits = DEFAULT_METRICS_LIMITS,
  ) {
    this.freshness = new RecentValue(async () => {
      const rows = await platform.feedTotals();
      const byFeed = new Map(rows.map((r) => [r.feed, r.last_event_at]));
      return FEEDS.map(({ id }) => ({ feed: id, lastEventAt: byFeed.get(id) ?? null }));
    }, FRESHNESS_TTL_MS);
  }

  /** A load ended in this process: the next answer reads the freshness again. */
  dataChanged(): void {
    this.freshness.forget();
  }

  /** `scope`: the country a scoped principal may see the detail of (scope.ts); null for all. */
  async run(request: MetricRequest, options: { scope: string | null; tag?: string; signal?: AbortSignal }): Promise<LabelledAnswer> {
    checkMetricScope(options.scope, request);
    const [answer, labels, dataAsOf] = await Promise.all([
      runMetrics(this.warehouse, request, { tag: options.tag, signal: options.signal, timeoutMs: this.limits.queryTimeoutMs, maxSourceRows: this.limits.maxSourceRows }),
      this.labels(request.dimensions),
      this.dataAsOf(),
    ]);
    const consignee = request.dimensions.indexOf("CONSIGNEE");
    if (consignee >= 0) {
      const codes = answer.rows.map((row) => row.dimensions[consignee]?.value ?? "").filter((code) => code !== "");
      labels.set("CONSIGNEE", await consigneeLabels(this.warehouse, codes));
    }
    return { ...answer, labels, dataAsOf };
  }

  /** The API's limits as a statement takes them, for query modules outside the registry (policy views, distributions). */
  statementLimits(signal?: AbortSignal): StatementLimits {
    return { signal, timeoutMs: this.limits.queryTimeoutMs, maxRows: this.limits.maxSourceRows };
  }

  async labels(dimensions: readonly DimensionId[]): Promise<Map<DimensionId, LabelIndex>> {
    const entries = await Promise.all(dimensions.map(async (d) => [d, await this.labelsOf(d)] as const));
    return new Map(entries);
  }

  private labelsOf(dimension: DimensionId): Promise<LabelIndex> {
    let cached = this.labelCache.get(dimension);
    if (!cached) {
      cached = new RecentValue(() => labelsOf(dimension, this.reference), LABELS_TTL_MS);
      this.labelCache.set(dimension, cached);
    }
    return cached.get();
  }

  /** Every feed, loaded or not, so a client sees which one is missing. */
  async dataAsOf(): Promise<FeedFreshness[]> {
    return [...(await this.freshness.get())];
  }
}
