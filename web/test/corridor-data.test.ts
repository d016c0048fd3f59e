import { describe, expect, it } from "vitest";
import { borderPosts, cellsByValue, combineStates, explainForbidden, figuresOf, parseSelection, selectionText, shortName, trendByCell, withSelection, type StateLike } from "../src/features/corridor/corridor-data";

// shared/reference: offices and routes as the API gives them.
const office = (code: string, country: string, kind = "border") => ({ code, name: code, country, kind, lat: 0, lon: 0 });
const OFFICES = [office("TGLFW", "TG", "port"), office("TGCIN", "TG"), office("BFCIN", "BF"), office("BFOUA", "BF", "destination"), office("BFKAN", "BF"), office("NEMAK", "NE"), office("NENIM", "NE", "destination"), office("BFKOL", "BF"), office("MLHER", "ML"), office("MLSIK", "ML", "destination"), office("MLBKO", "ML", "destination")];
const ROUTES = [
  { code: "TG-BF-OUA", offices: ["TGLFW", "TGCIN", "BFCIN", "BFOUA"] },
  { code: "TG-NE-KAN", offices: ["TGLFW", "TGCIN", "BFCIN", "BFKAN", "NEMAK", "NENIM"] },
  { code: "TG-ML-HER", offices: ["TGLFW", "TGCIN", "BFCIN", "BFKOL", "MLHER", "MLSIK", "MLBKO"] },
];

const row = (value: string | null, cells: (number | null)[], bucket: string | null = null) => ({
  bucket,
  dimensions: value === null ? [] : [{ value, labelFr: null, labelEn: null }],
  cells: cells.map((v) => ({ value: v })),
});

describe("the selection in the address", () => {
  it("reads a route or a border post, and nothing else", () => {
    expect(parseSelection("route:TG-BF-OUA")).toEqual({ kind: "route", code: "TG-BF-OUA" });
    expect(parseSelection("border:TGCIN>BFCIN")).toEqual({ kind: "border", code: "TGCIN>BFCIN" });
    for (const bad of [null, "", "route:", "route:tg-bf-oua", "border:TGCIN", "office:TGLFW", "route:TG-BF-OUA;drop", "TG-BF-OUA"]) expect(parseSelection(bad)).toBeNull();
  });

  it("writes it back beside the filters and the language, and removes it", () => {
    const params = new URLSearchParams("from=2024-10-01&to=2024-11-01&lang=en");
    const selected = withSelection(params, { kind: "border", code: "TGCIN>BFCIN" });
    expect(selected.get("sel")).toBe("border:TGCIN>BFCIN");
    expect(selected.get("lang")).toBe("en");
    expect(selected.get("from")).toBe("2024-10-01");
    expect(parseSelection(new URLSearchParams(selected.toString()).get("sel"))).toEqual({ kind: "border", code: "TGCIN>BFCIN" });
    expect(withSelection(selected, null).has("sel")).toBe(false);
    expect(params.has("sel")).toBe(false); // the input is left alone
    expect(selectionText({ kind: "route", code: "TG-ML-HER" })).toBe("route:TG-ML-HER");
  });
});

describe("border posts", () => {
  it("are where a route passes from one country to the next, once per pair of offices, in the import direction", () => {
    const posts = borderPosts(ROUTES, OFFICES);
    expect(posts.map((p) => p.key)).toEqual(["TGCIN>BFCIN", "BFKAN>NEMAK", "BFKOL>MLHER"]);
    expect(posts[0]?.directions).toEqual(["TGCIN>BFCIN", "BFCIN>TGCIN"]);
    expect(posts[0]).toMatchObject({ exit: "TGCIN", entry: "BFCIN" });
  });

  it("add a crossing the data holds that no route lists, but not the reverse of a known one nor unknown offices", () => {
    const posts = borderPosts(ROUTES.slice(0, 1), OFFICES, ["BFCIN>TGCIN", "BFKAN>NEMAK", "XXAAA>YYBBB", "nonsense"]);
    expect(posts.map((p) => p.key)).toEqual(["TGCIN>BFCIN", "BFKAN>NEMAK"]);
  });

  it("shorten office names for the map", () => {
    expect(shortName("Cinkassé PCJ (côté Togo)")).toBe("Cinkassé PCJ");
    expect(shortName("Bobo-Dioulasso")).toBe("Bobo-Dioulasso");
  });
});

describe("figures per route and border", () => {
  it("are read by dimension value, a missing value or cell being a gap", () => {
    // The samples: TG-BF-OUA P50 67, P90 68.6, 3 trucks.
    const cells = cellsByValue([row("TG-BF-OUA", [67, 68.6, 3, 3]), row("TG-NE-KAN", [97, 97, 1, 1])]);
    expect(figuresOf(cells.get("TG-BF-OUA"))).toEqual({ p50: 67, p90: 68.6, count: 3 });
    expect(cells.get("TG-BF-OUA")?.[3]).toBe(3);
    expect(figuresOf(cells.get("TG-BF-BOB"))).toEqual({ p50: null, p90: null, count: null });
    expect(figuresOf([1, 2], 1)).toEqual({ p50: 2, p90: null, count: null });
  });
});

describe("trends", () => {
  const cells = [
    { key: "p50", label: "Médiane" },
    { key: "p90", label: "P90" },
  ];

  it("give a column per statistic when the rows are not split, gaps kept, buckets in order", () => {
    const trend = trendByCell([row(null, [69, 69], "2024-10-12"), row(null, [null, null], "2024-10-02"), row(null, [62.5, 66.95], "2024-10-11")], cells);
    expect(trend.series).toEqual(cells);
    expect(trend.data).toEqual([
      { bucket: "2024-10-02", p50: null, p90: null },
      { bucket: "2024-10-11", p50: 62.5, p90: 66.95 },
      { bucket: "2024-10-12", p50: 69, p90: 69 },
    ]);
  });

  it("give a column per direction and statistic when split by border, each named, missing values as gaps", () => {
    // The API sorts BFCIN>TGCIN (export) first; the import comes first all the same.
    const trend = trendByCell([row("BFCIN>TGCIN", [11, 11], "2024-10-10"), row("TGCIN>BFCIN", [13.5, 13.5], "2024-10-10"), row("TGCIN>BFCIN", [11, 11], "2024-10-11")], cells, (v) => (v === "TGCIN>BFCIN" ? "import" : "export"), ["TGCIN>BFCIN", "BFCIN>TGCIN"]);
    expect(trend.series.map((s) => s.key)).toEqual(["TGCIN_BFCIN__p50", "TGCIN_BFCIN__p90", "BFCIN_TGCIN__p50", "BFCIN_TGCIN__p90"]);
    expect(trend.series[2]?.label).toBe("export — Médiane");
    expect(trend.data[1]).toEqual({ bucket: "2024-10-11", TGCIN_BFCIN__p50: 11, TGCIN_BFCIN__p90: 11, BFCIN_TGCIN__p50: null, BFCIN_TGCIN__p90: null });
  });
});

describe("one state for a chart fed by several queries", () => {
  const retries: string[] = [];
  const error = (name: string, code?: string): StateLike => ({ status: "error", retry: () => retries.push(name), code });

  it("is an error if any failed, and retrying runs every failed query", () => {
    const state = combineStates([{ status: "ready" }, error("a"), { status: "loading" }, error("b")]);
    expect(state.status).toBe("error");
    if (state.status === "error") state.retry();
    expect(retries).toEqual(["a", "b"]);
  });

  it("is loading while any loads, empty when all are empty, ready otherwise with the oldest offline date", () => {
    expect(combineStates([{ status: "ready" }, { status: "loading" }]).status).toBe("loading");
    expect(combineStates([{ status: "empty" }, { status: "empty" }]).status).toBe("empty");
    expect(combineStates([{ status: "empty" }, { status: "ready", staleSince: null }])).toEqual({ status: "ready", staleSince: null });
    expect(combineStates([{ status: "ready", staleSince: "2024-11-02T10:00:00Z" }, { status: "ready", staleSince: "2024-11-01T10:00:00Z" }])).toEqual({ status: "ready", staleSince: "2024-11-01T10:00:00Z" });
  });

  it("explains a refusal for another country's detail, and leaves other errors and states alone", () => {
    expect(explainForbidden(error("x", "FORBIDDEN"), "Votre compte voit le détail de BF seulement")).toMatchObject({ status: "error", code: "FORBIDDEN", message: "Votre compte voit le détail de BF seulement" });
    expect(explainForbidden(error("x", "NETWORK"), "…")).not.toHaveProperty("message");
    expect(explainForbidden({ status: "loading" }, "…")).toEqual({ status: "loading" });
  });
});
