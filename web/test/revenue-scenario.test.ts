import { describe, expect, it } from "vitest";
import {
  checkDraft,
  checkGuaranteePercent,
  draftOf,
  guaranteePercentFromParams,
  parsePercent,
  percentText,
  percentToFraction,
  scenarioFromParams,
  scenarioVariables,
  writeGuaranteePercent,
  writeScenario,
  type ScenarioDraft,
} from "../src/features/revenue/scenario";

const draft = (bands: [string, string][], chapters: [string, string][] = [], recomputeVat = true): ScenarioDraft => ({
  bands: bands.map(([from, to]) => ({ from, to })),
  chapters: chapters.map(([chapter, rate]) => ({ chapter, rate })),
  recomputeVat,
});

describe("percentages as people type them", () => {
  it("reads French decimal commas, dots, spaces and a trailing %", () => {
    expect(parsePercent("12,5")).toBe(12.5);
    expect(parsePercent("12.5")).toBe(12.5);
    expect(parsePercent(" 7,5 % ")).toBe(7.5);
    expect(parsePercent("10")).toBe(10);
    expect(parsePercent("0")).toBe(0);
  });
  it("refuses what is not a plain non-negative number", () => {
    for (const text of ["", "abc", "12,", "-5", "1e2", "1 2,5,3", "12,5,0"]) expect(parsePercent(text)).toBeNull();
  });
  it("writes a rate back in the form's language", () => {
    expect(percentText(12.5, "fr")).toBe("12,5");
    expect(percentText(12.5, "en")).toBe("12.5");
    expect(percentText(10, "fr")).toBe("10");
  });
  it("turns percentages into the API's fractions without binary noise", () => {
    expect(percentToFraction(12.5)).toBe(0.125);
    expect(percentToFraction(7.5)).toBe(0.075);
    expect(percentToFraction(7)).toBe(0.07);
    expect(percentToFraction(0.25)).toBe(0.0025);
    expect(percentToFraction(33.3)).toBe(0.333);
  });
});

describe("checking the scenario form", () => {
  it("turns a filled form into a scenario, leaving blank rows out", () => {
    const checked = checkDraft(draft([["10", "12,5"], ["", ""], ["5", "7.5"]], [["1", "20"]], false));
    expect(checked.errors).toEqual([]);
    expect(checked.scenario).toEqual({ bands: [{ fromPercent: 10, toPercent: 12.5 }, { fromPercent: 5, toPercent: 7.5 }], chapters: [{ chapter: "01", percent: 20 }], recomputeVat: false });
  });
  it("names every faulty field by row", () => {
    const checked = checkDraft(draft([["10", ""], ["abc", "5"], ["120", "5"], ["10", "15"]], [["100", "5"], ["87", ""], ["87", "3"], ["87", "4"]]));
    expect(checked.scenario).toBeNull();
    expect(checked.errors).toEqual([
      { list: "bands", row: 0, field: "to", code: "missing" },
      { list: "bands", row: 1, field: "from", code: "number" },
      { list: "bands", row: 2, field: "from", code: "range" },
      { list: "chapters", row: 0, field: "chapter", code: "chapter" },
      { list: "chapters", row: 1, field: "rate", code: "missing" },
      { list: "chapters", row: 3, field: "chapter", code: "duplicateChapter" },
    ]);
  });
  it("refuses a band moved twice, and an empty scenario", () => {
    expect(checkDraft(draft([["10", "12"], ["10,0", "15"]])).errors).toEqual([{ list: "bands", row: 1, field: "from", code: "duplicateBand" }]);
    expect(checkDraft(draft([["", ""]])).errors).toEqual([{ list: "form", row: 0, field: null, code: "empty" }]);
  });
  it("stops at the API's limit of 50 bands", () => {
    const many = Array.from({ length: 51 }, (_, i) => [String(i), String(i + 1)] as [string, string]);
    expect(checkDraft(draft(many)).errors).toEqual([{ list: "bands", row: 50, field: null, code: "tooMany" }]);
  });
  it("shows a scenario in the form, or one blank band row", () => {
    expect(draftOf(null, "fr")).toEqual({ bands: [{ from: "", to: "" }], chapters: [], recomputeVat: true });
    expect(draftOf({ bands: [{ fromPercent: 10, toPercent: 12.5 }], chapters: [{ chapter: "87", percent: 7.5 }], recomputeVat: false }, "fr")).toEqual({
      bands: [{ from: "10", to: "12,5" }],
      chapters: [{ chapter: "87", rate: "7,5" }],
      recomputeVat: false,
    });
  });
});

describe("the scenario in the address", () => {
  const scenario = { bands: [{ fromPercent: 10, toPercent: 12.5 }, { fromPercent: 5, toPercent: 7.5 }], chapters: [{ chapter: "87", percent: 20 }], recomputeVat: false };

  it("is written next to the filters and the language, and read back the same", () => {
    const params = writeScenario(scenario, new URLSearchParams("from=2024-10-01&to=2024-11-01&lang=en"));
    expect(params.get("tec")).toBe("10-12.5,5-7.5");
    expect(params.get("chap")).toBe("87-20");
    expect(params.get("tva")).toBe("0");
    expect(params.get("lang")).toBe("en");
    expect(params.get("from")).toBe("2024-10-01");
    expect(scenarioFromParams(new URLSearchParams(params.toString()))).toEqual(scenario);
  });
  it("leaves defaults out and is removed when cleared", () => {
    const params = writeScenario({ bands: [{ fromPercent: 10, toPercent: 12.5 }], chapters: [], recomputeVat: true }, new URLSearchParams("tva=0&chap=10-5"));
    expect(params.toString()).toBe("tec=10-12.5");
    expect(writeScenario(null, params).toString()).toBe("");
  });
  it("means no scenario when absent, and drops malformed entries rather than failing", () => {
    expect(scenarioFromParams(new URLSearchParams(""))).toBeNull();
    expect(scenarioFromParams(new URLSearchParams("tec=abc"))).toBeNull();
    expect(scenarioFromParams(new URLSearchParams("tec=10-12.5,x-1,150-2,10-20&chap=00-5,7-5,87-7.5"))).toEqual({ bands: [{ fromPercent: 10, toPercent: 12.5 }], chapters: [{ chapter: "87", percent: 7.5 }], recomputeVat: true });
  });
  it("becomes the API's variables, in fractions", () => {
    expect(scenarioVariables(scenario)).toEqual({ bands: [{ fromRate: 0.1, toRate: 0.125 }, { fromRate: 0.05, toRate: 0.075 }], chapters: [{ chapter: "87", rate: 0.2 }], recomputeVat: false });
    expect(scenarioVariables({ bands: [{ fromPercent: 10, toPercent: 12.5 }], chapters: [], recomputeVat: true }).chapters).toBeNull();
  });
});

describe("the guarantee rate", () => {
  it("defaults to 0.25 % and stays within the API's 0 < rate ≤ 5 %", () => {
    expect(guaranteePercentFromParams(new URLSearchParams(""))).toBe(0.25);
    expect(guaranteePercentFromParams(new URLSearchParams("garantie=0.5"))).toBe(0.5);
    expect(guaranteePercentFromParams(new URLSearchParams("garantie=9"))).toBe(0.25);
    expect(guaranteePercentFromParams(new URLSearchParams("garantie=0"))).toBe(0.25);
    expect(checkGuaranteePercent("0,5")).toBe(0.5);
    expect(checkGuaranteePercent("6")).toBeNull();
    expect(checkGuaranteePercent("0")).toBeNull();
  });
  it("is written only when it is not the default", () => {
    expect(writeGuaranteePercent(0.5, new URLSearchParams("lang=fr")).toString()).toBe("lang=fr&garantie=0.5");
    expect(writeGuaranteePercent(0.25, new URLSearchParams("garantie=0.5")).toString()).toBe("");
  });
});
