import { describe, expect, it } from "vitest";
import { centroid, classColour, classLimits, classOf, fitProjection, flowLayout, laneOffsets, midpoint, niceStep, offsetSegment, segmentKey, SEQUENTIAL, textOn } from "../src/features/corridor/geometry";

// A few offices of shared/reference/offices.csv.
const LOME = { lon: 1.2833, lat: 6.1375 };
const OUAGA = { lon: -1.5197, lat: 12.3714 };
const BAMAKO = { lon: -8.0029, lat: 12.6392 };
const NIAMEY = { lon: 2.1128, lat: 13.5128 };

describe("the map's projection", () => {
  it("fits the offices' box to the width, north up, west left, with the padding around", () => {
    const p = fitProjection([LOME, OUAGA, BAMAKO, NIAMEY], 600, { padding: 20 });
    const [lome, bamako, niamey] = [p.project(LOME), p.project(BAMAKO), p.project(NIAMEY)];
    expect(bamako.x).toBeCloseTo(20, 6); // westmost office on the left edge
    expect(niamey.x).toBeCloseTo(580, 6); // eastmost on the right edge
    expect(niamey.y).toBeCloseTo(20, 6); // northmost on top
    expect(lome.y).toBeCloseTo(p.height - 20, 6); // southmost at the bottom
    expect(p.width).toBe(600);
  });

  it("keeps shapes: a degree of longitude is cos(latitude) of a degree of latitude", () => {
    const p = fitProjection([LOME, OUAGA, BAMAKO, NIAMEY], 600, { padding: 20 });
    const k = Math.cos((((6.1375 + 13.5128) / 2) * Math.PI) / 180);
    const a = p.project({ lon: 0, lat: 10 });
    const b = p.project({ lon: 1, lat: 10 });
    const c = p.project({ lon: 0, lat: 11 });
    expect((b.x - a.x) / (a.y - c.y)).toBeCloseTo(k, 9);
  });

  it("caps the height and centres the map across when the box is tall", () => {
    const p = fitProjection([LOME, OUAGA, BAMAKO, NIAMEY], 2000, { padding: 20, maxHeight: 400 });
    expect(p.height).toBe(400);
    const [bamako, niamey] = [p.project(BAMAKO), p.project(NIAMEY)];
    expect(bamako.x - 0).toBeCloseTo(2000 - niamey.x, 6);
    expect(p.project(LOME).y).toBeCloseTo(380, 6);
  });

  it("survives one point, and no point", () => {
    const one = fitProjection([LOME], 300);
    expect(Number.isFinite(one.project(LOME).x) && Number.isFinite(one.project(LOME).y)).toBe(true);
    expect(fitProjection([], 300).height).toBe(0);
  });
});

describe("lanes for routes that share a road", () => {
  const routes = [
    { code: "TG-BF-OUA", offices: ["TGLFW", "TGCIN", "BFCIN", "BFOUA"] },
    { code: "TG-BF-BOB", offices: ["TGLFW", "TGCIN", "BFCIN", "BFBOB"] },
    { code: "TG-NE-KAN", offices: ["TGLFW", "TGCIN", "BFCIN", "BFKAN", "NEMAK", "NENIM"] },
  ];

  it("gives each route its own lane on a shared stretch, centred on the road, and the middle of the road to a route alone", () => {
    const lanes = laneOffsets(routes, 6);
    // Three routes on Lomé → Cinkassé: lanes −6, 0, +6 in code order (BOB, NE-KAN, OUA).
    const first = routes.map((r) => lanes.get(r.code)?.[0]);
    expect(new Set(first.map((v) => Math.abs(v ?? NaN)))).toEqual(new Set([0, 6]));
    expect(first.reduce((s, v) => (s ?? 0) + (v ?? 0), 0)).toBe(0);
    expect(lanes.get("TG-BF-OUA")?.[2]).toBe(0); // BFCIN → BFOUA: alone
    expect(lanes.get("TG-NE-KAN")).toHaveLength(5);
  });

  it("keeps a route on the same side of a stretch whichever way another route travels it", () => {
    const lanes = laneOffsets([{ code: "A", offices: ["X", "Y"] }, { code: "B", offices: ["Y", "X"] }], 4);
    const [a, b] = [lanes.get("A")?.[0] as number, lanes.get("B")?.[0] as number];
    // A's lane on X→Y is −2 (its left); B travels Y→X, and its −2 on its own left is +2 seen from X→Y: two lanes, no overlap.
    expect(a).toBe(-2);
    expect(-b).toBe(2);
  });

  it("names a stretch the same both ways", () => {
    expect(segmentKey("TGCIN", "BFCIN")).toBe(segmentKey("BFCIN", "TGCIN"));
  });

  it("moves a segment sideways by the lane, and leaves it when the lane is 0", () => {
    const [a, b] = offsetSegment({ x: 0, y: 0 }, { x: 10, y: 0 }, 3);
    // Heading east on screen (y down), the left side is up: y − 3.
    expect(a).toEqual({ x: 0, y: -3 });
    expect(b).toEqual({ x: 10, y: -3 });
    expect(offsetSegment({ x: 1, y: 1 }, { x: 4, y: 5 }, 0)).toEqual([{ x: 1, y: 1 }, { x: 4, y: 5 }]);
    expect(offsetSegment({ x: 1, y: 1 }, { x: 1, y: 1 }, 5)).toEqual([{ x: 1, y: 1 }, { x: 1, y: 1 }]);
  });

  it("finds the middle of two points and the centroid of several", () => {
    expect(midpoint({ x: 0, y: 0 }, { x: 4, y: 2 })).toEqual({ x: 2, y: 1 });
    expect(centroid([{ x: 0, y: 0 }, { x: 3, y: 0 }, { x: 0, y: 3 }])).toEqual({ x: 1, y: 1 });
    expect(centroid([])).toBeNull();
  });
});

describe("the colour scale of transit times", () => {
  it("picks round class widths", () => {
    expect([0.3, 1, 1.5, 2.2, 3, 7, 15.8, 120].map(niceStep)).toEqual([0.5, 1, 2, 2.5, 5, 10, 20, 200]);
    expect(niceStep(0)).toBe(1);
  });

  it("cuts the sample's route medians (67, 97, 146 h) into at most five round classes that hold every value", () => {
    const limits = classLimits([67, 97, null, 146]);
    expect(limits).toEqual([60, 80, 100, 120, 140, 160]);
    expect(classOf(67, limits)).toBe(0);
    expect(classOf(97, limits)).toBe(1);
    expect(classOf(146, limits)).toBe(4);
    expect(classOf(null, limits)).toBeNull();
  });

  it("keeps a value equal to the top limit inside the last class, and asks for fewer classes when told", () => {
    const limits = classLimits([60, 160]);
    expect(limits[0]).toBeLessThanOrEqual(60);
    expect(limits[limits.length - 1]).toBeGreaterThan(160);
    expect(limits.length - 1).toBeLessThanOrEqual(5);
    expect(classLimits([10, 20, 30], 2).length - 1).toBeLessThanOrEqual(2);
  });

  it("gives one class to a single value and none to gaps only", () => {
    expect(classLimits([42, 42])).toEqual([42, 42]);
    expect(classOf(42, [42, 42])).toBe(0);
    expect(classLimits([null, null])).toEqual([]);
  });

  it("spreads the classes over the whole sequential scale, light to dark", () => {
    expect(classColour(0, 5)).toBe(SEQUENTIAL[0]);
    expect(classColour(4, 5)).toBe(SEQUENTIAL[4]);
    expect([0, 1, 2].map((i) => classColour(i, 3))).toEqual([SEQUENTIAL[0], SEQUENTIAL[2], SEQUENTIAL[4]]);
    expect(classColour(0, 1)).toBe(SEQUENTIAL[2]);
  });

  it("writes ink on the light colours and white on the dark ones", () => {
    expect(textOn(SEQUENTIAL[0])).toBe("#1c2430");
    expect(textOn(SEQUENTIAL[4])).toBe("#ffffff");
  });
});

describe("the legend's layout", () => {
  it("wraps items to a new row when the next would pass the width", () => {
    const { positions, height } = flowLayout([100, 100, 100], 250, 20, 10);
    expect(positions).toEqual([
      { x: 0, y: 0 },
      { x: 110, y: 0 },
      { x: 0, y: 20 },
    ]);
    expect(height).toBe(40);
    expect(flowLayout([], 100, 20, 10).height).toBe(0);
    // An item wider than the row still gets a row of its own.
    expect(flowLayout([300], 100, 20, 10).positions).toEqual([{ x: 0, y: 0 }]);
  });
});
