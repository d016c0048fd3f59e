import { positiveInt } from "@corridor/warehouse";

/** What one API request may ask of the platform (docs/security.md); each has an environment variable. */
export interface ApiLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  /** Tokens of a GraphQL document: parsing stops beyond, whatever the document. */
  readonly maxTokens: number;
  readonly queryTimeoutMs: number;
  /** Rows any one warehouse statement of a request may return (RESULT_TOO_LARGE beyond). */
  readonly maxResultRows: number;
  readonly ratePerMinute: number;
  readonly rateBurst: number;
}

export function apiLimitsFromEnv(env: Readonly<Record<string, string | undefined>>, problems: string[]): ApiLimits {
  return {
    maxDepth: positiveInt(env, "API_MAX_DEPTH", 10, problems, 100),
    maxAliases: positiveInt(env, "API_MAX_ALIASES", 30, problems, 1000),
    maxCost: positiveInt(env, "API_MAX_COST", 2000, problems, 1_000_000),
    maxTokens: positiveInt(env, "API_MAX_TOKENS", 5000, problems, 1_000_000),
    queryTimeoutMs: positiveInt(env, "API_QUERY_TIMEOUT_MS", 15_000, problems, 600_000),
    maxResultRows: positiveInt(env, "API_MAX_RESULT_ROWS", 200_000, problems, 100_000_000),
    ratePerMinute: positiveInt(env, "API_RATE_PER_MINUTE", 600, problems, 1_000_000),
    rateBurst: positiveInt(env, "API_RATE_BURST", 120, problems, 1_000_000),
  };
}
