import { describe, expect, it } from "vitest";
import { csvText, fileNameOf } from "../src/charts/chart-export";
import { allGaps, byDimension, pivotByDimension, seriesTotals } from "../src/charts/series";

const row = (bucket: string | null, value: string, label: string | null, ...cells: (number | null)[]) => ({ bucket, dimensions: [{ value, labelFr: label, labelEn: label }], cells: cells.map((v) => ({ value: v })) });

describe("shaping answers for charts", () => {
  it("sums each series of a pivot over its buckets, leaving gaps out, and gives null for a series of gaps only", () => {
    const rows = [row("2024-10-07", "BF", "Burkina Faso", 22), row("2024-09-30", "BF", "Burkina Faso", 44.5), row("2024-09-30", "NE", "Niger", null), row("2024-10-07", "ML", "Mali", 21)];
    expect(seriesTotals(pivotByDimension(rows, 0, "fr"))).toEqual([
      { key: "v_BF", label: "Burkina Faso", total: 66.5 },
      { key: "v_NE", label: "Niger", total: null },
      { key: "v_ML", label: "Mali", total: 21 },
    ]);
  });

  it("pivots rows split by country into one record per bucket, keeping gaps as null", () => {
    const rows = [row("2024-10-07", "BF", "Burkina Faso", 22), row("2024-09-30", "BF", "Burkina Faso", 44.5), row("2024-09-30", "NE", "Niger", 27), row("2024-10-07", "NE", "Niger", null)];
    expect(pivotByDimension(rows, 0, "fr")).toEqual({
      data: [
        { bucket: "2024-09-30", v_BF: 44.5, v_NE: 27 },
        { bucket: "2024-10-07", v_BF: 22, v_NE: null },
      ],
      series: [
        { key: "v_BF", label: "Burkina Faso" },
        { key: "v_NE", label: "Niger" },
      ],
    });
  });

  it("names an unallocated value, and fills a series missing from a bucket with a gap", () => {
    const pivot = pivotByDimension([row("2024-10-01", "", null, 5), row("2024-11-01", "BF", "Burkina Faso", 3)], 0, "en");
    expect(pivot.series).toEqual([
      { key: "v_none", label: "—" },
      { key: "v_BF", label: "Burkina Faso" },
    ]);
    expect(pivot.data[0]).toEqual({ bucket: "2024-10-01", v_none: 5, v_BF: null });
  });

  it("gives one record per category with its cells, and tells an all-gap answer", () => {
    expect(byDimension([row(null, "BF", "Burkina Faso", 149, 159.4)], ["p50", "p90"], "fr")).toEqual([{ key: "BF", label: "Burkina Faso", p50: 149, p90: 159.4 }]);
    expect(allGaps([row("2024-10-01", "BF", null, null)])).toBe(true);
    expect(allGaps([row("2024-10-01", "BF", null, null, 0)])).toBe(false);
  });

  it("writes CSV as a spreadsheet in each language opens it, formulas defused", () => {
    expect(csvText(["pays", "valeur"], [["BF", 66.5], ["=cmd", null]], "fr")).toBe("\uFEFFpays;valeur\r\nBF;66,5\r\n'=cmd;\r\n");
    expect(csvText(["country", "value"], [["Zongo, Frères", 1.5]], "en")).toBe('\uFEFFcountry,value\r\n"Zongo, Frères",1.5\r\n');
    expect(fileNameOf("Séjour portuaire — 1 oct. 2024", "png")).toBe("sejour-portuaire-1-oct-2024.png");
  });
});
