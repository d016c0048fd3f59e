import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatBucket, formatTick, formatValue, isCountUnit } from "../i18n/format";
import { useI18n } from "../i18n/language";
import { colourOf } from "./palette";
import type { SeriesKey, WideRow } from "./series";

/**
 * Values over time, one series per key: lines (gaps break the line) or
 * stacked bars (volumes that add up, such as tonnes per country).
 */
export default function TimeChart(props: { data: readonly WideRow[]; series: readonly SeriesKey[]; unit: string; grain: string; kind: "line" | "stacked"; height?: number }) {
  const { language } = useI18n();
  const tick = (bucket: string) => formatBucket(bucket, props.grain, language);
  const value = (v: unknown) => formatValue(typeof v === "number" ? v : null, props.unit, language);
  const axis = (v: number) => formatTick(v, props.unit, language);
  const whole = isCountUnit(props.unit);
  const common = (
    <>
      <CartesianGrid stroke="#d9dee5" vertical={false} />
      <XAxis dataKey="bucket" tickFormatter={tick} minTickGap={16} tick={{ fontSize: 12 }} />
      <YAxis tickFormatter={axis} allowDecimals={!whole} width={64} tick={{ fontSize: 12 }} />
      <Tooltip itemSorter="dataKey" labelFormatter={(label) => tick(String(label))} formatter={(v, name) => [value(v), name]} />
      <Legend wrapperStyle={{ fontSize: 13 }} itemSorter="dataKey" />
    </>
  );
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 280}>
      {props.kind === "line" ? (
        <LineChart data={[...props.data]} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          {common}
          {props.series.map((s, i) => (
            <Line key={s.key} dataKey={s.key} name={s.label} stroke={colourOf(s.key.replace(/^v_/u, "").replace("none", ""), i)} strokeWidth={2} dot={props.data.length < 40} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      ) : (
        <BarChart data={[...props.data]} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          {common}
          {props.series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="all" fill={colourOf(s.key.replace(/^v_/u, "").replace("none", ""), i)} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}
