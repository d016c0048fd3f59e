import type { Filters } from "./filters";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthStart = (y: number, m: number) => iso(new Date(Date.UTC(y, m, 1)));

export type PresetId = "last12" | "lastQuarter" | "lastMonth" | `year-${number}`;

/** Periods people ask for, relative to today (complete months only: the current one is still being loaded). */
export function presets(today: Date): { id: PresetId; from: string; to: string }[] {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const quarterStart = m - (m % 3);
  const years = [y - 1, y - 2, y - 3].map((year) => ({ id: `year-${year}` as const, from: monthStart(year, 0), to: monthStart(year + 1, 0) }));
  return [
    { id: "last12", from: monthStart(y - 1, m), to: monthStart(y, m) },
    { id: "lastQuarter", from: monthStart(y, quarterStart - 3), to: monthStart(y, quarterStart) },
    { id: "lastMonth", from: monthStart(y, m - 1), to: monthStart(y, m) },
    ...years,
  ];
}

export function presetOf(filters: Pick<Filters, "from" | "to">, today: Date): PresetId | null {
  return presets(today).find((p) => p.from === filters.from && p.to === filters.to)?.id ?? null;
}
