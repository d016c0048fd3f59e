/**
 * A trend in a few pixels, drawn by hand (no chart library in the first
 * screen). Gaps break the line. Decorative: the figure beside it is the
 * information, so it is hidden from screen readers.
 */
export function Sparkline({ values, width = 120, height = 32, colour = "#0072B2" }: { values: readonly (number | null)[]; width?: number; height?: number; colour?: string }) {
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return null;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min || 1;
  const x = (i: number) => (values.length === 1 ? width / 2 : (i / (values.length - 1)) * (width - 4) + 2);
  const y = (v: number) => height - 3 - ((v - min) / span) * (height - 6);
  const segments: string[] = [];
  let current = "";
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke={colour} strokeWidth={1.8} strokeLinejoin="round" strokeLinecap="round" />
      ))}
    </svg>
  );
}
