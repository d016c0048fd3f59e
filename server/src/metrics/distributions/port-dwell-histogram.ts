import type { Warehouse } from "@corridor/warehouse";
import { checkCountries, checkPeriod } from "../query/checks.js";
import { limited, type StatementLimits } from "../query/statement-limits.js";
import type { Period } from "../query/period.js";
import { MetricQueryError } from "../query/plan.js";
import { ScopeError } from "../scope.js";

export interface HistogramRequest {
  readonly period: Period;
  readonly timeZone: string;
  readonly countries: readonly string[];
  readonly terminals: readonly string[];
  readonly routes: readonly string[];
  /** Width of a bin, in hours. */
  readonly binHours: number;
  /** Dwell beyond this many hours is counted in `overflow`, not in a bin. */
  readonly maxHours: number;
}

export interface HistogramAnswer {
  readonly bins: readonly { readonly fromHours: number; readonly toHours: number; readonly containers: number }[];
  readonly overflow: number;
  readonly containers: number;
}

/**
 * How port dwell is spread: containers per dwell band (full imports, dated at
 * gate-out, as PORT_DWELL). Read from the detailed facts: a rollup keeps
 * percentile states, not counts per band. Every band up to `maxHours` is
 * returned, empty ones with 0 (a count of containers, not a gap).
 */
export async function portDwellHistogram(warehouse: Warehouse, request: HistogramRequest, scope: string | null, limits: StatementLimits = {}): Promise<HistogramAnswer> {
  checkPeriod(request.period, request.timeZone);
  const countries = checkCountries(request.countries);
  if (scope !== null && countries.some((c) => c !== scope)) {
    throw new ScopeError(`Votre compte voit le détail de ${scope} : demandez countries: ["${scope}"] ou aucun pays. / Your account sees ${scope}'s detail: ask for countries: ["${scope}"] or none.`);
  }
  if (!Number.isInteger(request.binHours) || request.binHours < 1 || request.binHours > 720) throw new MetricQueryError("binHours : entier de 1 à 720 / binHours: whole number from 1 to 720");
  if (!Number.isInteger(request.maxHours) || request.maxHours < request.binHours || request.maxHours > 24 * 365) throw new MetricQueryError("maxHours : entier de binHours à 8 760 / maxHours: whole number from binHours to 8,760");
  if (request.maxHours / request.binHours > 500) throw new MetricQueryError("au plus 500 classes / at most 500 bins");
  if (request.routes.length > 20 || request.routes.some((r) => !/^[A-Z]{2}-[A-Z]{2}-[A-Z]{3}$/u.test(r))) throw new MetricQueryError("itinéraires : codes de routes.csv, 20 au plus / routes: routes.csv codes, at most 20");
  if (request.terminals.length > 20 || request.terminals.some((t) => !/^[A-Z0-9_-]{1,20}$/u.test(t))) throw new MetricQueryError("terminaux : codes du port, 20 au plus / terminals: port codes, at most 20");
  const rows = await warehouse.query<{ bin: string; containers: string }>({
    sql: `SELECT toString(if(dwell_s >= {max:UInt32} * 3600, -1, intDiv(dwell_s, {bin:UInt32} * 3600))) AS bin, toString(count()) AS containers
          FROM fact_port_dwell
          WHERE gate_out_at >= toDateTime({from:String}, {tz:String}) AND gate_out_at < toDateTime({to:String}, {tz:String})
            AND (empty({countries:Array(String)}) OR has({countries:Array(String)}, toString(country)))
            AND (empty({terminals:Array(String)}) OR has({terminals:Array(String)}, toString(terminal)))
            AND (empty({routes:Array(String)}) OR has({routes:Array(String)}, toString(route)))
          GROUP BY bin`,
    params: { from: request.period.from, to: request.period.to, tz: request.timeZone, countries, terminals: [...request.terminals], routes: [...request.routes], bin: request.binHours, max: request.maxHours },
    tag: "api:port-dwell-histogram",
    ...limited(limits, 1000),
  });
  const counts = new Map(rows.map((r) => [Number(r.bin), Number(r.containers)]));
  const bins = Array.from({ length: Math.ceil(request.maxHours / request.binHours) }, (_, i) => ({
    fromHours: i * request.binHours,
    toHours: Math.min((i + 1) * request.binHours, request.maxHours),
    containers: counts.get(i) ?? 0,
  }));
  const overflow = counts.get(-1) ?? 0;
  return { bins, overflow, containers: bins.reduce((sum, b) => sum + b.containers, 0) + overflow };
}
