import { describe, expect, it } from "vitest";
import { compareCountries, crossTab, formatRate, formatShare, guaranteeByCountry, guaranteeTableRows, scenarioByCountry, scenarioTableRows } from "../src/features/revenue/shape";

const names: Record<string, string> = { BF: "Burkina Faso", ML: "Mali", NE: "Niger" };
const nameOf = (code: string) => names[code] ?? code;

describe("ordering and formatting", () => {
  it("puts AES countries first, then Togo, others and unallocated", () => {
    expect(["", "TG", "ZZ", "NE", "XX", "BF", "ML"].sort(compareCountries)).toEqual(["BF", "ML", "NE", "TG", "ZZ", "", "XX"]);
  });
  it("formats shares and rates for each language", () => {
    expect(formatShare(0.666667, "fr")).toBe("66,7\u00A0%");
    expect(formatShare(0.5, "en")).toBe("50.0\u00A0%");
    expect(formatShare(null, "fr")).toBe("—");
    expect(formatRate(12.5, "fr")).toBe("12,5\u00A0%");
    expect(formatRate(10, "en")).toBe("10\u00A0%");
    expect(formatRate(0.25, "fr")).toBe("0,25\u00A0%");
  });
});

describe("guarantee savings", () => {
  const row = (country: string, month: string, current: number | null, single: number | null) => ({
    country,
    month,
    declarations: current === null ? null : 1,
    guarantees: current === null ? null : 2,
    cifXof: current === null ? null : 1000,
    currentGuaranteesXof: current,
    singleGuaranteeXof: single,
    savingXof: current === null || single === null ? null : current - single,
  });
  const rows = [row("NE", "2024-10-01", 111375, 37125), row("BF", "2024-11-01", null, null), row("BF", "2024-10-01", 191000, 95500), row("BF", "2024-12-01", 1000, 500), row("ML", "2024-10-01", null, null)];

  it("adds each country's months up, a month without declarations being a gap, not a zero", () => {
    expect(guaranteeByCountry(rows, nameOf)).toEqual([
      { key: "BF", label: "Burkina Faso", declarations: 2, current: 192000, single: 96000, saving: 96000 },
      { key: "ML", label: "Mali", declarations: null, current: null, single: null, saving: null },
      { key: "NE", label: "Niger", declarations: 1, current: 111375, single: 37125, saving: 74250 },
    ]);
  });
  it("sorts the table by country then month", () => {
    expect(guaranteeTableRows(rows).map((r) => `${r.country} ${r.month}`)).toEqual(["BF 2024-10-01", "BF 2024-11-01", "BF 2024-12-01", "ML 2024-10-01", "NE 2024-10-01"]);
  });
});

describe("the tariff scenario", () => {
  const row = (country: string, hsChapter: string, current: number, change: number, vat: number) => ({ country, hsChapter, currentDutyXof: current, scenarioDutyXof: current + change, dutyChangeXof: change, vatEffectXof: vat, totalChangeXof: change + vat });
  const rows = [row("NE", "87", 500, 100, 18), row("BF", "10", 1290000, 322500, 58050), row("BF", "07", 1000, -200, -36)];

  it("sorts rows by country then chapter", () => {
    expect(scenarioTableRows(rows).map((r) => `${r.country}-${r.hsChapter}`)).toEqual(["BF-07", "BF-10", "NE-87"]);
  });
  it("adds each country's chapters up for the chart", () => {
    expect(scenarioByCountry(rows, nameOf)).toEqual([
      { key: "BF", label: "Burkina Faso", current: 1291000, scenario: 1613300, dutyChange: 322300, vatEffect: 58014, totalChange: 380314 },
      { key: "NE", label: "Niger", current: 500, scenario: 600, dutyChange: 100, vatEffect: 18, totalChange: 118 },
    ]);
  });
});

describe("port charges by fee code and country", () => {
  const dim = (value: string, fr: string | null, en: string | null = fr) => ({ value, labelFr: fr, labelEn: en });
  const rows = [
    { dimensions: [dim("PCJ_LEVY", "Redevance poste de contrôle juxtaposé", "Joint border post levy"), dim("NE", "Niger")], cells: [{ value: 20000 }] },
    { dimensions: [dim("PILOTAGE", "Pilotage"), dim("", "Non attribué", "Unallocated")], cells: [{ value: 1607095 }] },
    { dimensions: [dim("THC", "Manutention terminal (THC)", "Terminal handling (THC)"), dim("BF", "Burkina Faso")], cells: [{ value: 402000 }] },
    { dimensions: [dim("THC", "Manutention terminal (THC)", "Terminal handling (THC)"), dim("ML", "Mali")], cells: [{ value: 178000 }] },
  ];

  it("makes one record per fee code with a column per country, absent pairs as gaps, countries in their order", () => {
    expect(crossTab(rows, "en")).toEqual({
      data: [
        { key: "PCJ_LEVY", label: "Joint border post levy", v_NE: 20000, v_BF: null, v_ML: null, v_none: null },
        { key: "PILOTAGE", label: "Pilotage", v_none: 1607095, v_BF: null, v_ML: null, v_NE: null },
        { key: "THC", label: "Terminal handling (THC)", v_BF: 402000, v_ML: 178000, v_NE: null, v_none: null },
      ],
      series: [
        { key: "v_BF", label: "Burkina Faso" },
        { key: "v_ML", label: "Mali" },
        { key: "v_NE", label: "Niger" },
        { key: "v_none", label: "Unallocated" },
      ],
    });
  });
});
