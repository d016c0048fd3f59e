import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLOURS } from "../../charts/palette";
import { formatDecimal, formatValue } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import type { HistogramBar } from "./histogram";

/** Containers per band of port dwell: bars side by side, the band in hours under each. */
export default function DwellHistogram(props: { data: readonly HistogramBar[]; seriesLabel: string }) {
  const { language } = useI18n();
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={[...props.data]} margin={{ top: 8, right: 12, bottom: 4, left: 4 }} barCategoryGap={1}>
        <CartesianGrid stroke="#d9dee5" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={4} />
        <YAxis allowDecimals={false} tickFormatter={(v: number) => formatValue(v, "CONTAINERS", language).replace(/\u00A0\D+$/u, "")} width={48} tick={{ fontSize: 12 }} />
        <Tooltip
          formatter={(value, name, item) => {
            const bar = item.payload as HistogramBar;
            return [`${formatValue(typeof value === "number" ? value : null, "CONTAINERS", language)} (${formatDecimal(bar.share * 100, language, 1)}\u00A0%)`, name];
          }}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        <Bar dataKey="containers" name={props.seriesLabel} fill={SERIES_COLOURS[0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
