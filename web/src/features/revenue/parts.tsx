import { useI18n } from "../../i18n/language";

/** The sentence added to a chart's subtitle when it was narrowed to the user's own country. */
export function scopeNote(template: string, country: string | null): string {
  return country ? ` — ${template.replaceAll("{c}", country)}` : "";
}

const NAMES: Record<string, [string, string]> = { COUNTRY: ["pays", "country"], ROUTE: ["itinéraire", "route"], HS_SECTION: ["section SH", "HS section"], DIRECTION: ["sens", "direction"] };

/** Filters of the bar that do not apply to a view, named as the chart cards name them. */
export function NotApplied({ dimensions, label }: { dimensions: readonly string[]; label: string }) {
  const { language } = useI18n();
  return (
    <p className="chart-note">
      {label} {dimensions.map((d) => NAMES[d]?.[language === "fr" ? 0 : 1] ?? d).join(", ")}
    </p>
  );
}

/** Filters of the bar a policy view cannot take: it is asked by period and country only. */
export function policyNotApplied(filters: { route: string | null; hs: string | null; direction: string | null }): string[] {
  return [filters.route && "ROUTE", filters.hs && "HS_SECTION", filters.direction && "DIRECTION"].filter((d): d is string => Boolean(d));
}

