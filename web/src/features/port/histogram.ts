import { formatInteger, type Language } from "../../i18n/format";

/**
 * The port dwell histogram (Query.portDwellHistogram): containers per band of
 * hours, every band returned (empty ones with 0), those past `maxHours` in
 * `overflow`. Pure shaping, tested in web/test/port-histogram.test.ts.
 */

export interface HistogramLike {
  readonly bins: readonly { readonly fromHours: number; readonly toHours: number; readonly containers: number }[];
  readonly overflow: number;
  readonly containers: number;
}

export interface HistogramBar {
  readonly key: string;
  readonly label: string;
  readonly fromHours: number;
  /** Null for the open band past `maxHours`. */
  readonly toHours: number | null;
  readonly containers: number;
  /** Share of every container counted, 0 to 1. */
  readonly share: number;
  [key: string]: number | string | null;
}

/** Bin widths offered to the reader, in hours; 24 h (a day) by default. */
export const BIN_CHOICES = [6, 12, 24, 48] as const;
export const DEFAULT_BIN_HOURS = 24;
/** Containers staying longer than this are counted in the last, open band (30 days). */
export const MAX_HOURS = 720;

/** The bin width of the address (`classe=12`), else a day. */
export function binHoursFromParams(params: URLSearchParams): number {
  const value = Number(params.get("classe"));
  return (BIN_CHOICES as readonly number[]).includes(value) ? value : DEFAULT_BIN_HOURS;
}

/** The terminal of the address (`terminal=LCT`), else null: the whole port. */
export function terminalFromParams(params: URLSearchParams): string | null {
  const value = params.get("terminal");
  return value && /^[A-Z0-9_-]{1,20}$/u.test(value) ? value : null;
}

export function writeHistogramChoice(choice: { binHours: number; terminal: string | null }, base: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  if (choice.binHours === DEFAULT_BIN_HOURS) params.delete("classe");
  else params.set("classe", String(choice.binHours));
  if (choice.terminal) params.set("terminal", choice.terminal);
  else params.delete("terminal");
  return params;
}

/** `96–120 h`; the open band `≥ 720 h`. */
export function binLabel(fromHours: number, toHours: number | null, language: Language): string {
  if (toHours === null) return `≥\u00A0${formatInteger(fromHours, language)}\u00A0h`;
  return `${formatInteger(fromHours, language)}–${formatInteger(toHours, language)}\u00A0h`;
}

/**
 * One bar per band. Empty bands after the last occupied one are left out (a
 * month of 30 daily bands would otherwise be mostly a flat tail) and counted
 * in `hiddenFrom`; leading and inner empty bands stay, they are information.
 * The open band past `maxHours` comes last when it holds containers.
 */
export function histogramBars(histogram: HistogramLike, language: Language): { bars: HistogramBar[]; hiddenFrom: number | null } {
  const total = histogram.containers;
  const share = (n: number) => (total > 0 ? n / total : 0);
  let last = -1;
  histogram.bins.forEach((bin, i) => {
    if (bin.containers > 0) last = i;
  });
  const keep = histogram.overflow > 0 ? histogram.bins.length : last + 1;
  const bars: HistogramBar[] = histogram.bins.slice(0, keep).map((bin) => ({
    key: `${bin.fromHours}`,
    label: binLabel(bin.fromHours, bin.toHours, language),
    fromHours: bin.fromHours,
    toHours: bin.toHours,
    containers: bin.containers,
    share: share(bin.containers),
  }));
  const end = histogram.bins[histogram.bins.length - 1]?.toHours ?? null;
  if (histogram.overflow > 0 && end !== null) {
    bars.push({ key: `${end}+`, label: binLabel(end, null, language), fromHours: end, toHours: null, containers: histogram.overflow, share: share(histogram.overflow) });
  }
  const hiddenFrom = keep < histogram.bins.length ? (histogram.bins[keep]?.fromHours ?? null) : null;
  return { bars, hiddenFrom };
}

/** The band holding the most containers (the first of equals), for the text alternative. */
export function modalBar(bars: readonly HistogramBar[]): HistogramBar | null {
  return bars.reduce<HistogramBar | null>((best, bar) => (bar.containers > 0 && (best === null || bar.containers > best.containers) ? bar : best), null);
}
