import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatTick, formatValue, isCountUnit } from "../i18n/format";
import { useI18n } from "../i18n/language";
import { colourOf, SERIES_COLOURS } from "./palette";

export interface BarSeries {
  readonly key: string;
  readonly label: string;
}

/**
 * Bars per category (a country, a tax code…), one bar per series side by
 * side; `horizontal` for long category names. With one series, each
 * category keeps its own colour (countries).
 */
export default function CategoryBars(props: {
  data: readonly ({ key: string; label: string } & Record<string, number | string | null>)[];
  series: readonly BarSeries[];
  unit: string;
  horizontal?: boolean;
  height?: number;
  onSelect?: (key: string) => void;
}) {
  const { language } = useI18n();
  const value = (v: unknown) => formatValue(typeof v === "number" ? v : null, props.unit, language);
  const axis = (v: number) => formatTick(v, props.unit, language);
  const whole = isCountUnit(props.unit);
  const one = props.series.length === 1;
  // A bar carries its row as payload: the row's key is the category (a country code, a route…).
  const selectRow = (payload: unknown) => {
    const key = (payload as { key?: unknown } | undefined)?.key;
    if (typeof key === "string") props.onSelect?.(key);
  };
  const height = props.height ?? (props.horizontal ? Math.max(160, 36 * props.data.length + 60) : 280);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={[...props.data]} layout={props.horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#d9dee5" horizontal={!props.horizontal} vertical={!!props.horizontal} />
        {props.horizontal ? (
          <>
            <XAxis type="number" tickFormatter={axis} allowDecimals={!whole} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
            <YAxis tickFormatter={axis} allowDecimals={!whole} width={64} tick={{ fontSize: 12 }} />
          </>
        )}
        <Tooltip itemSorter="dataKey" formatter={(v, name) => [value(v), name]} />
        {!one && <Legend wrapperStyle={{ fontSize: 13 }} itemSorter="dataKey" />}
        {props.series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} isAnimationActive={false} cursor={props.onSelect ? "pointer" : undefined} onClick={props.onSelect ? (item) => selectRow(item.payload) : undefined}>
            {one && props.data.map((d, j) => <Cell key={d.key} fill={colourOf(d.key, j)} />)}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
