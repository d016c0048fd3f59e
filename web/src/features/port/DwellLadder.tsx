import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLOURS } from "../../charts/palette";
import { formatInteger, formatValue } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import type { LadderRow } from "./shape";

/**
 * The percentile ladder of port dwell, one horizontal bar per row (the whole
 * port, then each terminal): stacked to P50, on to P90, on to P95. The
 * tooltip gives the percentiles themselves, not the segment lengths.
 */
export default function DwellLadder(props: { data: readonly LadderRow[]; labels: { toP50: string; toP90: string; toP95: string; count: string } }) {
  const { language } = useI18n();
  const hours = (v: number | null) => formatValue(v, "HOURS", language);
  const percentile: Record<string, "p50" | "p90" | "p95"> = { toP50: "p50", toP90: "p90", toP95: "p95" };
  const segments = [
    { key: "toP50", label: props.labels.toP50, colour: SERIES_COLOURS[0] },
    { key: "toP90", label: props.labels.toP90, colour: SERIES_COLOURS[2] },
    { key: "toP95", label: props.labels.toP95, colour: SERIES_COLOURS[1] },
  ];
  return (
    <ResponsiveContainer width="100%" height={Math.max(180, 52 * props.data.length + 80)}>
      <BarChart data={[...props.data]} layout="vertical" margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#d9dee5" horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => `${formatInteger(v, language)}\u00A0h`} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 12 }} />
        {/* Segments in their order (to P50, to P90, to P95): recharts would sort them by name. */}
        <Tooltip
          itemSorter="dataKey"
          formatter={(_value, name, item) => {
            const row = item.payload as LadderRow;
            const key = typeof item.dataKey === "string" ? percentile[item.dataKey] : undefined;
            return [key ? hours(row[key]) : "—", name];
          }}
          labelFormatter={(label, payload) => {
            const row = payload[0]?.payload as LadderRow | undefined;
            return row?.count != null ? `${String(label)} (${props.labels.count} ${formatValue(row.count, "CONTAINERS", language)})` : String(label);
          }}
        />
        <Legend itemSorter="dataKey" wrapperStyle={{ fontSize: 13 }} />
        {segments.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="ladder" fill={s.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
