/**
 * The corridor map's geometry and colours: pure functions (tested in
 * web/test/corridor-geometry.test.ts), no DOM, no imports.
 */

export interface LonLat {
  readonly lon: number;
  readonly lat: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Projection {
  readonly width: number;
  readonly height: number;
  project(p: LonLat): Point;
}

/**
 * An equirectangular projection (longitude scaled by the cosine of the middle
 * latitude, so distances look right at these latitudes) fitted to the points'
 * bounding box: `width` pixels wide, the height the box needs (at most
 * `maxHeight`, the map then centred horizontally), `padding` pixels around.
 */
export function fitProjection(points: readonly LonLat[], width: number, options: { padding?: number; maxHeight?: number } = {}): Projection {
  const padding = options.padding ?? 24;
  if (points.length === 0) return { width, height: 0, project: () => ({ x: width / 2, y: 0 }) };
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  // A box with no extent (one point, or points on a line) still gets a scale.
  const spanX = Math.max((maxLon - minLon) * k, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const inner = Math.max(width - 2 * padding, 1);
  let scale = inner / spanX;
  let height = spanY * scale + 2 * padding;
  if (options.maxHeight !== undefined && height > options.maxHeight) {
    scale = Math.max(options.maxHeight - 2 * padding, 1) / spanY;
    height = options.maxHeight;
  }
  const offsetX = (width - spanX * scale) / 2;
  return {
    width,
    height,
    project: (p) => ({ x: offsetX + (p.lon - minLon) * k * scale, y: padding + (maxLat - p.lat) * scale }),
  };
}

/** The key of the stretch between two offices, whichever way it is travelled. */
export function segmentKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Routes share stretches (every route leaves Lomé by Cinkassé): each route
 * that uses a stretch gets its own lane, `gap` pixels apart, centred on the
 * road, so every route stays visible and clickable. Returns, per route, one
 * offset per stretch (office i to office i+1), in the route's order.
 */
export function laneOffsets(routes: readonly { readonly code: string; readonly offices: readonly string[] }[], gap: number): Map<string, number[]> {
  const users = new Map<string, string[]>();
  const sorted = [...routes].sort((a, b) => a.code.localeCompare(b.code));
  for (const route of sorted) {
    for (let i = 0; i + 1 < route.offices.length; i++) {
      const key = segmentKey(route.offices[i] as string, route.offices[i + 1] as string);
      const list = users.get(key) ?? [];
      if (!list.includes(route.code)) list.push(route.code);
      users.set(key, list);
    }
  }
  const offsets = new Map<string, number[]>();
  for (const route of routes) {
    const lanes: number[] = [];
    for (let i = 0; i + 1 < route.offices.length; i++) {
      const a = route.offices[i] as string;
      const b = route.offices[i + 1] as string;
      const list = users.get(segmentKey(a, b)) ?? [route.code];
      const lane = (list.indexOf(route.code) - (list.length - 1) / 2) * gap;
      // Lanes are counted on the stretch's canonical direction, so two routes that travel it opposite ways do not swap sides.
      lanes.push(a < b ? lane : -lane);
    }
    offsets.set(route.code, lanes);
  }
  return offsets;
}

/** The segment a→b moved `distance` pixels to its left (screen coordinates, y down). */
export function offsetSegment(a: Point, b: Point, distance: number): [Point, Point] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length === 0 || distance === 0) return [a, b];
  const nx = dy / length;
  const ny = -dx / length;
  return [
    { x: a.x + nx * distance, y: a.y + ny * distance },
    { x: b.x + nx * distance, y: b.y + ny * distance },
  ];
}

/** The middle of two points. */
export function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** The mean position of some points (a country's label at its offices' centroid). */
export function centroid(points: readonly Point[]): Point | null {
  if (points.length === 0) return null;
  return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
}

/** 1, 2, 2.5, 5 or 10 times a power of ten, the nearest above `raw`: class widths people read easily. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Class limits for a sequential legend: equal, round-numbered classes that
 * cover every value, at most `classes` of them. One value (or none) gives a
 * single class. Limits are ascending; class i is [limits[i], limits[i+1]).
 */
export function classLimits(values: readonly (number | null)[], classes = 5): number[] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return [];
  const min = Math.min(...present);
  const max = Math.max(...present);
  if (min === max) return [min, max];
  let step = niceStep((max - min) / classes);
  for (;;) {
    const start = Math.floor(min / step) * step;
    const count = Math.max(1, Math.ceil((max - start) / step + 1e-9));
    // The last class must hold max: classes are [from, to), so max == to goes one class further (the 1e-9).
    const limits = Array.from({ length: count + 1 }, (_, i) => round(start + i * step));
    if (limits.length - 1 <= classes) return limits;
    step = niceStep(step * 1.0001 + step / 10);
  }
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** The class a value falls in (index into the classes of `limits`), or null for a gap. */
export function classOf(value: number | null, limits: readonly number[]): number | null {
  if (value === null || !Number.isFinite(value) || limits.length < 2) return null;
  const classes = limits.length - 1;
  for (let i = 0; i < classes; i++) if (value < (limits[i + 1] as number)) return i;
  return classes - 1;
}

/**
 * Sequential colours (viridis), light for short times and dark for long: told
 * apart with every common colour-vision deficiency and in grey print. Lines
 * are drawn over a dark casing so the light end stays visible on white.
 */
export const SEQUENTIAL = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"] as const;

/** The colour of class `index` out of `classes`, spread over the whole scale. */
export function classColour(index: number, classes: number): string {
  if (classes <= 1) return SEQUENTIAL[2];
  const position = Math.round((index * (SEQUENTIAL.length - 1)) / (classes - 1));
  return SEQUENTIAL[Math.min(Math.max(position, 0), SEQUENTIAL.length - 1)] as string;
}

/** Text that reads on a class colour: white on the dark end, ink on the light end. */
export function textOn(colour: string): string {
  const hex = colour.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.2 ? "#1c2430" : "#ffffff";
}

/**
 * Items of the given widths laid out left to right, wrapping to a new row
 * when the next would pass `maxWidth` (the map's legend, drawn in the SVG so
 * the PNG download keeps it). Returns each item's top-left and the height.
 */
export function flowLayout(widths: readonly number[], maxWidth: number, rowHeight: number, gap: number): { positions: Point[]; height: number } {
  const positions: Point[] = [];
  let x = 0;
  let y = 0;
  for (const width of widths) {
    if (x > 0 && x + width > maxWidth) {
      x = 0;
      y += rowHeight;
    }
    positions.push({ x, y });
    x += width + gap;
  }
  return { positions, height: widths.length ? y + rowHeight : 0 };
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** True when the segment a→b passes through the box (Liang–Barsky clipping). */
export function segmentHitsBox(a: Point, b: Point, box: Box): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a.x - box.x],
    [dx, box.x + box.width - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  return true;
}

/** The area two boxes share. */
export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to put a label among candidate boxes (in order of preference): the
 * first that covers the fewest route segments and the least of the boxes
 * already taken (other labels, markers), and stays inside the frame.
 */
export function placeLabel(candidates: readonly Box[], segments: readonly (readonly [Point, Point])[], taken: readonly Box[], frame: Box): Box {
  let best = candidates[0] as Box;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const box of candidates) {
    const outside = box.width * box.height - overlap(box, frame);
    const crossings = segments.filter(([a, b]) => segmentHitsBox(a, b, box)).length;
    const covered = taken.reduce((sum, other) => sum + overlap(box, other), 0);
    const score = crossings * 1000 + covered + outside * 2;
    if (score < bestScore) {
      best = box;
      bestScore = score;
    }
  }
  return best;
}
