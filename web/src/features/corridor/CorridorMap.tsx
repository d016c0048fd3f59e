import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from "react";
import { shortName, type BorderPost, type OfficeLike, type RouteLike, type Selection } from "./corridor-data";
import { centroid, fitProjection, flowLayout, laneOffsets, midpoint, offsetSegment, placeLabel, type Box, type Point } from "./geometry";

/** What the map says about an item: for screen readers (`label`), in its tooltip (`lines`), and beside a border marker (`short`). */
export interface ItemText {
  readonly label: string;
  readonly lines: readonly string[];
  readonly short?: string | null;
}

export interface MapLegend {
  readonly title: string;
  readonly classes: readonly { readonly colour: string; readonly label: string }[];
  readonly noData: string;
  readonly border: string;
  readonly office: string;
}

const INK = "#1c2430";
const NO_DATA = "#c3c9d1";
const ACCENT = "#0b5cad";
const LANE = 5.5;
const FONT = 12;

/** The container's width in pixels, followed as it changes (phone rotation, print), so text on the map keeps its size. */
function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(640);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.round(element.clientWidth) || 640);
    const observer = new ResizeObserver((entries) => {
      const next = Math.round(entries[0]?.contentRect.width ?? 0);
      if (next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Rough width of a label at the map's font size, enough to lay out the legend. */
const textWidth = (text: string, size = FONT) => text.length * size * 0.56;

/**
 * The corridor drawn from the offices' coordinates (no tiles, nothing
 * downloaded): routes as lanes coloured by their time, border posts as
 * diamonds, country names at their offices' centroid. Every route and
 * post is a button (Tab, Enter or Space); the legend is in the SVG so the
 * PNG download keeps it.
 */
export function CorridorMap(props: {
  offices: readonly OfficeLike[];
  routes: readonly RouteLike[];
  countries: readonly { readonly code: string; readonly name: string }[];
  routeColour: (code: string) => string | null;
  routeText: (code: string) => ItemText;
  posts: readonly BorderPost[];
  postText: (post: BorderPost) => ItemText;
  legend: MapLegend;
  selection: Selection | null;
  onSelect: (selection: Selection) => void;
  mapLabel: string;
}) {
  const [container, width] = useWidth<HTMLDivElement>();
  const [tip, setTip] = useState<{ key: string; at: Point; lines: readonly string[] } | null>(null);
  const byCode = useMemo(() => new Map(props.offices.map((o) => [o.code, o])), [props.offices]);
  // Only the offices the routes pass, so the map is as large as the corridor.
  const used = useMemo(() => {
    const codes = new Set(props.routes.flatMap((r) => r.offices));
    return props.offices.filter((o) => codes.has(o.code));
  }, [props.offices, props.routes]);
  const projection = useMemo(() => fitProjection(used, width, { padding: 28, maxHeight: Math.max(260, Math.min(560, width * 1.1)) }), [used, width]);
  const at = (code: string): Point | null => {
    const office = byCode.get(code);
    return office ? projection.project(office) : null;
  };
  const lanes = useMemo(() => laneOffsets(props.routes, LANE), [props.routes]);
  const wide = width >= 560;

  // The legend under the map: class swatches, then the symbols.
  const legendItems = [
    ...props.legend.classes.map((c) => ({ kind: "class" as const, colour: c.colour, label: c.label })),
    { kind: "nodata" as const, colour: NO_DATA, label: props.legend.noData },
    { kind: "border" as const, colour: "#ffffff", label: props.legend.border },
    { kind: "office" as const, colour: INK, label: props.legend.office },
  ];
  const swatch = 26;
  const flow = flowLayout(
    legendItems.map((item) => swatch + 6 + textWidth(item.label)),
    width - 24,
    22,
    16,
  );
  const legendTop = projection.height + 8;
  const height = legendTop + 22 + flow.height + 8;

  const show = (key: string, point: Point, lines: readonly string[]) => setTip({ key, at: point, lines });
  const hide = (key: string) => setTip((current) => (current?.key === key ? null : current));
  const pointer = (event: PointerEvent<SVGGElement>): Point => {
    const box = container.current?.getBoundingClientRect();
    return box ? { x: event.clientX - box.left, y: event.clientY - box.top } : { x: 0, y: 0 };
  };
  const keys = (selection: Selection) => (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      props.onSelect(selection);
    }
  };
  useEffect(() => {
    const escape = (event: globalThis.KeyboardEvent) => event.key === "Escape" && setTip(null);
    window.addEventListener("keydown", escape);
    return () => window.removeEventListener("keydown", escape);
  }, []);

  const routeLines = (route: RouteLike) => {
    const offsets = lanes.get(route.code) ?? [];
    const lines: [Point, Point][] = [];
    for (let i = 0; i + 1 < route.offices.length; i++) {
      const a = at(route.offices[i] as string);
      const b = at(route.offices[i + 1] as string);
      if (a && b) lines.push(offsetSegment(a, b, offsets[i] ?? 0));
    }
    return lines;
  };
  const linesOf = new Map(props.routes.map((r) => [r.code, routeLines(r)]));
  const segments = [...linesOf.values()].flat();
  const postAt = new Map(
    props.posts.flatMap((post) => {
      const a = at(post.exit);
      const b = at(post.entry);
      return a && b ? [[post.key, midpoint(a, b)] as const] : [];
    }),
  );

  // Labels placed one after the other where they cover the fewest lines and other labels: offices, then border figures, then countries.
  const frame: Box = { x: 0, y: 0, width, height: projection.height };
  const taken: Box[] = [...postAt.values()].map((p) => ({ x: p.x - 8, y: p.y - 8, width: 16, height: 16 }));
  // Candidates are kept inside the frame: a label at the map's edge slides in rather than being cut.
  const inside = (box: Box): Box => ({ ...box, x: Math.min(Math.max(box.x, 2), Math.max(width - box.width - 2, 2)), y: Math.min(Math.max(box.y, 2), Math.max(projection.height - box.height - 2, 2)) });
  const around = (p: Point, w: number, h: number, gap: number): Box[] =>
    [
      { x: p.x + gap, y: p.y - h / 2, width: w, height: h },
      { x: p.x - gap - w, y: p.y - h / 2, width: w, height: h },
      { x: p.x - w / 2, y: p.y - gap - h, width: w, height: h },
      { x: p.x - w / 2, y: p.y + gap, width: w, height: h },
    ].map(inside);
  const officeLabels = used
    .filter((o) => o.kind !== "border")
    .map((o) => {
      // The town is enough on the map ("Niamey Route" → "Niamey"); the tables and tooltips carry the rest.
      const text = shortName(o.name).split(" ")[0] ?? o.code;
      const box = placeLabel(around(projection.project(o), textWidth(text), FONT + 4, 7), segments, taken, frame);
      taken.push(box);
      return { code: o.code, text, box };
    });
  const postLabels = new Map(
    props.posts.flatMap((post) => {
      const p = postAt.get(post.key);
      const text = props.postText(post).short;
      if (!wide || !p || !text) return [];
      const box = placeLabel(around(p, textWidth(text) + 6, FONT + 4, 11), segments, taken, frame);
      taken.push(box);
      return [[post.key, { text, box }] as const];
    }),
  );
  const countrySize = wide ? 17 : 13;
  const countryLabels = props.countries.flatMap((c) => {
    const middle = centroid(used.filter((o) => o.country === c.code).map((o) => projection.project(o)));
    if (!middle) return [];
    const name = c.name.toUpperCase();
    const [w, h] = [textWidth(name, countrySize) + name.length * 2, countrySize + 4];
    const shifts = [0, 1, -1, 2, -2, 3, -3];
    const candidates = shifts.flatMap((dy) => shifts.map((dx) => inside({ x: middle.x - w / 2 + dx * w * 0.4, y: middle.y - h / 2 + dy * h * 1.2, width: w, height: h })));
    candidates.sort((a, b) => Math.hypot(a.x + w / 2 - middle.x, a.y + h / 2 - middle.y) - Math.hypot(b.x + w / 2 - middle.x, b.y + h / 2 - middle.y));
    const box = placeLabel(candidates, segments, taken, frame);
    taken.push(box);
    return [{ code: c.code, name, box }];
  });
  const selectedRoute = props.selection?.kind === "route" ? props.routes.find((r) => r.code === props.selection?.code) : undefined;

  return (
    <div className="corridor-map" ref={container}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={props.mapLabel} fontSize={FONT}>
        <rect x={0} y={0} width={width} height={projection.height} fill="#f1f4f7" rx={4} />
        {countryLabels.map((c) => (
          <text key={c.code} x={c.box.x + c.box.width / 2} y={c.box.y + c.box.height - 4} textAnchor="middle" fill="#5a6472" fontSize={countrySize} fontWeight={700} letterSpacing={2} aria-hidden="true">
            {c.name}
          </text>
        ))}
        {props.routes.map((route) => {
          const colour = props.routeColour(route.code);
          const text = props.routeText(route.code);
          const lines = linesOf.get(route.code) ?? [];
          const selected = props.selection?.kind === "route" && props.selection.code === route.code;
          const anchor = lines.length ? midpoint(...(lines[lines.length - 1] as [Point, Point])) : { x: 0, y: 0 };
          return (
            <g
              key={route.code}
              className="map-route"
              role="button"
              tabIndex={0}
              aria-pressed={selected}
              aria-label={text.label}
              data-route={route.code}
              onClick={() => props.onSelect({ kind: "route", code: route.code })}
              onKeyDown={keys({ kind: "route", code: route.code })}
              onFocus={() => show(`route:${route.code}`, anchor, text.lines)}
              onBlur={() => hide(`route:${route.code}`)}
              onPointerMove={(e) => show(`route:${route.code}`, pointer(e), text.lines)}
              onPointerLeave={() => hide(`route:${route.code}`)}
            >
              {lines.map(([a, b], i) => (
                <line key={`h${i}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="transparent" strokeWidth={LANE + 4} strokeLinecap="round" />
              ))}
              {lines.map(([a, b], i) => (
                <line key={`c${i}`} className="map-casing" x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={INK} strokeWidth={6.5} strokeLinecap="round" />
              ))}
              {lines.map(([a, b], i) => (
                <line key={`f${i}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={colour ?? NO_DATA} strokeWidth={4} strokeLinecap="round" strokeDasharray={colour ? undefined : "5 4"} />
              ))}
            </g>
          );
        })}
        {selectedRoute && (
          // The selected route drawn again on top, outlined, so it stands out of its bundle.
          <g aria-hidden="true" pointerEvents="none">
            {(linesOf.get(selectedRoute.code) ?? []).map(([a, b], i) => (
              <line key={`s${i}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={ACCENT} strokeWidth={10} strokeLinecap="round" />
            ))}
            {(linesOf.get(selectedRoute.code) ?? []).map(([a, b], i) => (
              <line key={`t${i}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={props.routeColour(selectedRoute.code) ?? NO_DATA} strokeWidth={4} strokeLinecap="round" />
            ))}
          </g>
        )}
        {used.map((office) => {
          const p = projection.project(office);
          return <circle key={office.code} cx={p.x} cy={p.y} r={office.kind !== "border" ? 4.5 : 3} fill={INK} stroke="#ffffff" strokeWidth={1.5} aria-hidden="true" pointerEvents="none" />;
        })}
        {officeLabels.map((label) => (
          <text key={label.code} x={label.box.x} y={label.box.y + FONT} fill={INK} stroke="#ffffff" strokeWidth={3} paintOrder="stroke" strokeLinejoin="round" aria-hidden="true" pointerEvents="none">
            {label.text}
          </text>
        ))}
        {props.posts.map((post) => {
          const p = postAt.get(post.key);
          if (!p) return null;
          const text = props.postText(post);
          const label = postLabels.get(post.key);
          const selected = props.selection?.kind === "border" && props.selection.code === post.key;
          const size = 7;
          return (
            <g
              key={post.key}
              className="map-border"
              role="button"
              tabIndex={0}
              aria-pressed={selected}
              aria-label={text.label}
              data-border={post.key}
              onClick={() => props.onSelect({ kind: "border", code: post.key })}
              onKeyDown={keys({ kind: "border", code: post.key })}
              onFocus={() => show(`border:${post.key}`, p, text.lines)}
              onBlur={() => hide(`border:${post.key}`)}
              onPointerMove={(e) => show(`border:${post.key}`, pointer(e), text.lines)}
              onPointerLeave={() => hide(`border:${post.key}`)}
            >
              <circle cx={p.x} cy={p.y} r={14} fill="transparent" />
              <path className="map-diamond" d={`M${p.x},${p.y - size} L${p.x + size},${p.y} L${p.x},${p.y + size} L${p.x - size},${p.y} Z`} fill={selected ? ACCENT : "#ffffff"} stroke={selected ? ACCENT : INK} strokeWidth={2} />
              {label && (
                <text x={label.box.x + 3} y={label.box.y + FONT} fill={INK} fontWeight={600} stroke="#ffffff" strokeWidth={3} paintOrder="stroke" strokeLinejoin="round">
                  {label.text}
                </text>
              )}
            </g>
          );
        })}
        <g transform={`translate(12 ${legendTop})`} aria-hidden="true">
          <text x={0} y={14} fill={INK} fontWeight={600}>
            {props.legend.title}
          </text>
          {legendItems.map((item, i) => {
            const p = flow.positions[i] as Point;
            const y = 22 + p.y + 11;
            return (
              <g key={`${item.kind}-${item.label}`} transform={`translate(${p.x} ${y})`}>
                {item.kind === "class" && (
                  <>
                    <line x1={0} y1={0} x2={swatch} y2={0} stroke={INK} strokeWidth={6.5} />
                    <line x1={0} y1={0} x2={swatch} y2={0} stroke={item.colour} strokeWidth={4} />
                  </>
                )}
                {item.kind === "nodata" && (
                  <>
                    <line x1={0} y1={0} x2={swatch} y2={0} stroke={INK} strokeWidth={6.5} />
                    <line x1={0} y1={0} x2={swatch} y2={0} stroke={NO_DATA} strokeWidth={4} strokeDasharray="5 4" />
                  </>
                )}
                {item.kind === "border" && <path d={`M${swatch / 2},-6 L${swatch / 2 + 6},0 L${swatch / 2},6 L${swatch / 2 - 6},0 Z`} fill="#ffffff" stroke={INK} strokeWidth={2} />}
                {item.kind === "office" && <circle cx={swatch / 2} cy={0} r={4.5} fill={INK} />}
                <text x={swatch + 6} y={4} fill={INK}>
                  {item.label}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      {tip && (
        <div className="map-tooltip" role="presentation" style={{ left: Math.min(Math.max(tip.at.x + 12, 4), Math.max(width - 240, 4)), top: tip.at.y + 12 }}>
          {tip.lines.map((line, i) => (
            <div key={i} className={i === 0 ? "map-tooltip-head" : undefined}>
              {line}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
