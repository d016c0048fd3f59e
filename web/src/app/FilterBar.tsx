import { useMemo, useState } from "react";
import { useI18n } from "../i18n/language";
import { useTexts } from "../i18n/texts";
import { useOptionalAppData } from "./app-data";
import { presetOf, presets } from "./presets";
import { SHELL_TEXTS } from "./shell-texts";
import { useFilters } from "./use-filters";

const COUNTRIES = ["BF", "ML", "NE", "TG"] as const;
/** The same in French and English. */
const COUNTRY_NAMES: Readonly<Record<string, string>> = { BF: "Burkina Faso", ML: "Mali", NE: "Niger", TG: "Togo" };

/** The view's filters; every change is written to the address, so the view can be linked, bookmarked and restored. */
export function FilterBar() {
  const [filters, setFilters] = useFilters();
  const { language } = useI18n();
  const t = useTexts(SHELL_TEXTS);
  // Until the lists arrive the selects offer "all" only; the choice in the address is kept.
  const appData = useOptionalAppData();
  const routes = appData?.routes ?? [];
  const hsSections = appData?.hsSections ?? [];
  const today = useMemo(() => new Date(), []);
  const preset = presetOf(filters, today);
  const [custom, setCustom] = useState(preset === null);
  return (
    <form className="filter-bar" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t.period}
        <select
          name="preset"
          value={custom ? "custom" : (preset ?? "custom")}
          onChange={(e) => {
            const chosen = presets(today).find((p) => p.id === e.target.value);
            setCustom(!chosen);
            if (chosen) setFilters({ from: chosen.from, to: chosen.to });
          }}
        >
          {presets(today).map((p) => (
            <option key={p.id} value={p.id}>
              {p.id.startsWith("year-") ? `${t.presetYear} ${p.id.slice(5)}` : t[`preset${p.id[0]?.toUpperCase()}${p.id.slice(1)}` as "presetLast12"]}
            </option>
          ))}
          <option value="custom">{t.presetCustom}</option>
        </select>
      </label>
      {(custom || preset === null) && (
        <>
          <label>
            {t.from}
            <input type="date" name="from" value={filters.from} max={filters.to} onChange={(e) => e.target.value && e.target.value < filters.to && setFilters({ from: e.target.value })} />
          </label>
          <label>
            {t.to}
            <input type="date" name="to" value={filters.to} min={filters.from} onChange={(e) => e.target.value && e.target.value > filters.from && setFilters({ to: e.target.value })} />
          </label>
        </>
      )}
      <fieldset className="countries">
        <legend>{t.countries}</legend>
        {COUNTRIES.map((code) => (
          <label key={code} className="check">
            <input
              type="checkbox"
              name="country"
              value={code}
              checked={filters.countries.includes(code)}
              onChange={(e) => setFilters({ countries: e.target.checked ? [...filters.countries, code] : filters.countries.filter((c) => c !== code) })}
            />
            <span title={COUNTRY_NAMES[code]}>{code}</span>
          </label>
        ))}
      </fieldset>
      <label>
        {t.route}
        <select name="route" value={filters.route ?? ""} onChange={(e) => setFilters({ route: e.target.value || null })}>
          <option value="">{t.any}</option>
          {routes.map((r) => (
            <option key={r.code} value={r.code}>
              {r.code}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.hs}
        <select name="hs" value={filters.hs ?? ""} onChange={(e) => setFilters({ hs: e.target.value || null })}>
          <option value="">{t.any}</option>
          {hsSections.map((s) => (
            <option key={s.section} value={s.section}>
              {s.section} – {(language === "fr" ? s.nameFr : s.nameEn).slice(0, 40)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.direction}
        <select name="dir" value={filters.direction ?? ""} onChange={(e) => setFilters({ direction: (e.target.value || null) as "import" | "export" | null })}>
          <option value="">{t.any}</option>
          <option value="import">{t.import}</option>
          <option value="export">{t.export}</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" name="compare" checked={filters.compare} onChange={(e) => setFilters({ compare: e.target.checked })} />
        {t.compare}
      </label>
    </form>
  );
}
