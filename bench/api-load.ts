// The load test's clients, in a process of their own so that they do not share the server's event loop:
// C clients, each looping over the dashboard's queries (each starting at a different one) over HTTP on
// loopback for T seconds; then it prints one JSON line. Bounded in time and in requests.
import { dashboardQueries, postGraphql } from "./api-queries.js";

export interface LoadResult {
  readonly clients: number;
  readonly seconds: number;
  readonly requests: number;
  readonly ok: number;
  readonly errors: Record<string, number>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

const MAX_REQUESTS = 200_000;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

async function main(): Promise<void> {
  const { url, cookie, clients, seconds, lastMonth } = JSON.parse(process.argv[2] as string) as { url: string; cookie: string; clients: number; seconds: number; lastMonth: string };
  if (!/^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+\/$/u.test(url)) throw new Error(`the load test only targets loopback, not ${url}`);
  const queries = dashboardQueries(lastMonth);
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let ok = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (index: number) => {
    for (let i = index; performance.now() < deadline && sent < MAX_REQUESTS; i++) {
      const query = queries[i % queries.length] as (typeof queries)[number];
      sent++;
      const t = performance.now();
      try {
        const { status, body } = await postGraphql(url, cookie, query);
        latencies.push(performance.now() - t);
        if (status === 200 && !body.errors?.length) ok++;
        else {
          const code = body.errors?.[0]?.extensions?.code ?? "NO_CODE";
          const key = `HTTP ${status} ${code}`;
          errors[key] = (errors[key] ?? 0) + 1;
        }
      } catch (error) {
        latencies.push(performance.now() - t);
        const key = `network ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`;
        errors[key] = (errors[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const result: LoadResult = {
    clients,
    seconds: Math.round(elapsed * 10) / 10,
    requests: latencies.length,
    ok,
    errors,
    p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
    p99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
    maxMs: Math.round((sorted.at(-1) ?? Number.NaN) * 10) / 10,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1]?.endsWith("api-load.ts")) await main();
