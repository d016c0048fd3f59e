/** What a request may cost the engine, passed down to each statement (docs/security.md). */
export interface StatementLimits {
  readonly signal?: AbortSignal;
  /** Time limit of each statement; the warehouse's default (QUERY_TIMEOUT_MS) when absent. */
  readonly timeoutMs?: number;
  /** Rows one statement may return before the request is refused as too large. */
  readonly maxRows?: number;
}

/** The settings and options of a statement under these limits. */
export function limited(limits: StatementLimits, fallbackRows: number) {
  return {
    settings: { max_result_rows: limits.maxRows ?? fallbackRows, result_overflow_mode: "throw" as const },
    signal: limits.signal,
    timeoutMs: limits.timeoutMs,
  };
}
