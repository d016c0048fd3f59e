/**
 * The tariff scenario's inputs: the form as typed (percentages, French decimal
 * commas accepted), the scenario once checked, its place in the address (so a
 * link reproduces it) and the API's variables (fractions: 12.5 % → 0.125).
 * Pure functions, tested in web/test/revenue-scenario.test.ts.
 *
 * Address: `tec=10-12.5,5-7.5` (bands moved, from-to in %), `chap=10-5,87-20`
 * (HS chapter-rate in %), `tva=0` (VAT not recomputed; recomputed when absent),
 * `garantie=0.5` (guarantee rate in %, 0.25 when absent). The scenario runs
 * only once submitted: `tec` or `chap` in the address means "submitted".
 */

export interface BandChange {
  readonly fromPercent: number;
  readonly toPercent: number;
}

export interface ChapterRate {
  /** Two digits, 01 to 99. */
  readonly chapter: string;
  readonly percent: number;
}

export interface Scenario {
  readonly bands: readonly BandChange[];
  readonly chapters: readonly ChapterRate[];
  readonly recomputeVat: boolean;
}

/** The form as the reader types it: text, so "12,5" and a half-typed "12," survive until submitted. */
export interface BandDraft {
  readonly from: string;
  readonly to: string;
}

export interface ChapterDraft {
  readonly chapter: string;
  readonly rate: string;
}

export interface ScenarioDraft {
  readonly bands: readonly BandDraft[];
  readonly chapters: readonly ChapterDraft[];
  readonly recomputeVat: boolean;
}

export type DraftErrorCode = "missing" | "number" | "range" | "duplicateBand" | "chapter" | "duplicateChapter" | "empty" | "tooMany";

export interface DraftError {
  readonly list: "bands" | "chapters" | "form";
  readonly row: number;
  readonly field: "from" | "to" | "chapter" | "rate" | null;
  readonly code: DraftErrorCode;
}

/** The API's limits (server/src/metrics/policy/tariff-scenario.ts). */
export const MAX_BANDS = 50;
export const MAX_CHAPTERS = 99;
export const DEFAULT_GUARANTEE_PERCENT = 0.25;
export const MAX_GUARANTEE_PERCENT = 5;

const NUMBER = /^\d+(?:[.,]\d+)?$/u;

/** "12,5", "12.5", " 12,5 % " → 12.5; anything else → null. */
export function parsePercent(text: string): number | null {
  const cleaned = text.replace(/\s|\u00A0|\u202F|%/gu, "");
  if (!NUMBER.test(cleaned)) return null;
  return Number(cleaned.replace(",", "."));
}

/** A percentage as a form field shows it: 12.5 → "12,5" in French. */
export function percentText(value: number, language: "fr" | "en"): string {
  const text = String(Number(value.toPrecision(12)));
  return language === "fr" ? text.replace(".", ",") : text;
}

/** 12.5 → 0.125, without binary noise (0.07 stays 0.07). */
export function percentToFraction(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

const twoDigits = (chapter: string) => (/^\d$/u.test(chapter) ? `0${chapter}` : chapter);

/** Checks the form; blank rows are left out. Returns the scenario or every problem, by row and field. */
export function checkDraft(draft: ScenarioDraft): { scenario: Scenario; errors: [] } | { scenario: null; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const bands: BandChange[] = [];
  const chapters: ChapterRate[] = [];
  const rate = (text: string, list: DraftError["list"], row: number, field: NonNullable<DraftError["field"]>): number | null => {
    if (text.trim() === "") {
      errors.push({ list, row, field, code: "missing" });
      return null;
    }
    const value = parsePercent(text);
    if (value === null) errors.push({ list, row, field, code: "number" });
    else if (value > 100) errors.push({ list, row, field, code: "range" });
    else return value;
    return null;
  };
  draft.bands.forEach((band, row) => {
    if (band.from.trim() === "" && band.to.trim() === "") return;
    const from = rate(band.from, "bands", row, "from");
    const to = rate(band.to, "bands", row, "to");
    if (from === null || to === null) return;
    if (bands.some((b) => b.fromPercent === from)) errors.push({ list: "bands", row, field: "from", code: "duplicateBand" });
    else bands.push({ fromPercent: from, toPercent: to });
  });
  draft.chapters.forEach((entry, row) => {
    if (entry.chapter.trim() === "" && entry.rate.trim() === "") return;
    const chapter = twoDigits(entry.chapter.trim());
    let good = true;
    if (chapter === "") {
      errors.push({ list: "chapters", row, field: "chapter", code: "missing" });
      good = false;
    } else if (!/^\d{2}$/u.test(chapter) || chapter === "00") {
      errors.push({ list: "chapters", row, field: "chapter", code: "chapter" });
      good = false;
    } else if (chapters.some((c) => c.chapter === chapter)) {
      errors.push({ list: "chapters", row, field: "chapter", code: "duplicateChapter" });
      good = false;
    }
    const percent = rate(entry.rate, "chapters", row, "rate");
    if (good && percent !== null) chapters.push({ chapter, percent });
  });
  if (bands.length > MAX_BANDS) errors.push({ list: "bands", row: MAX_BANDS, field: null, code: "tooMany" });
  if (chapters.length > MAX_CHAPTERS) errors.push({ list: "chapters", row: MAX_CHAPTERS, field: null, code: "tooMany" });
  if (errors.length === 0 && bands.length === 0 && chapters.length === 0) errors.push({ list: "form", row: 0, field: null, code: "empty" });
  return errors.length ? { scenario: null, errors } : { scenario: { bands, chapters, recomputeVat: draft.recomputeVat }, errors: [] };
}

/** What the form shows for a scenario (or an empty form: one blank band row). */
export function draftOf(scenario: Scenario | null, language: "fr" | "en"): ScenarioDraft {
  if (scenario === null) return { bands: [{ from: "", to: "" }], chapters: [], recomputeVat: true };
  return {
    bands: scenario.bands.length ? scenario.bands.map((b) => ({ from: percentText(b.fromPercent, language), to: percentText(b.toPercent, language) })) : [{ from: "", to: "" }],
    chapters: scenario.chapters.map((c) => ({ chapter: c.chapter, rate: percentText(c.percent, language) })),
    recomputeVat: scenario.recomputeVat,
  };
}

const PAIR = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/u;
const CHAPTER_PAIR = /^(\d{2})-(\d+(?:\.\d+)?)$/u;

/** The submitted scenario in the address, or null when none was submitted. Malformed entries are left out, never fatal. */
export function scenarioFromParams(params: URLSearchParams): Scenario | null {
  const bands: BandChange[] = [];
  const chapters: ChapterRate[] = [];
  for (const entry of (params.get("tec") ?? "").split(",")) {
    const match = PAIR.exec(entry.trim());
    if (!match) continue;
    const from = Number(match[1]);
    const to = Number(match[2]);
    if (from <= 100 && to <= 100 && !bands.some((b) => b.fromPercent === from) && bands.length < MAX_BANDS) bands.push({ fromPercent: from, toPercent: to });
  }
  for (const entry of (params.get("chap") ?? "").split(",")) {
    const match = CHAPTER_PAIR.exec(entry.trim());
    if (!match || match[1] === "00") continue;
    const chapter = match[1] as string;
    const percent = Number(match[2]);
    if (percent <= 100 && !chapters.some((c) => c.chapter === chapter) && chapters.length < MAX_CHAPTERS) chapters.push({ chapter, percent });
  }
  if (bands.length === 0 && chapters.length === 0) return null;
  return { bands, chapters, recomputeVat: params.get("tva") !== "0" };
}

const plain = (n: number) => String(Number(n.toPrecision(12)));

/** Writes the scenario into the address, keeping every other parameter (filters, language); null removes it. */
export function writeScenario(scenario: Scenario | null, base: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  params.delete("tec");
  params.delete("chap");
  params.delete("tva");
  if (scenario === null) return params;
  if (scenario.bands.length) params.set("tec", scenario.bands.map((b) => `${plain(b.fromPercent)}-${plain(b.toPercent)}`).join(","));
  if (scenario.chapters.length) params.set("chap", scenario.chapters.map((c) => `${c.chapter}-${plain(c.percent)}`).join(","));
  if (!scenario.recomputeVat) params.set("tva", "0");
  return params;
}

/** The API's arguments for a scenario: rates as fractions of 1. */
export function scenarioVariables(scenario: Scenario): { bands: { fromRate: number; toRate: number }[]; chapters: { chapter: string; rate: number }[] | null; recomputeVat: boolean } {
  return {
    bands: scenario.bands.map((b) => ({ fromRate: percentToFraction(b.fromPercent), toRate: percentToFraction(b.toPercent) })),
    chapters: scenario.chapters.length ? scenario.chapters.map((c) => ({ chapter: c.chapter, rate: percentToFraction(c.percent) })) : null,
    recomputeVat: scenario.recomputeVat,
  };
}

/** The guarantee rate of the address, in %: 0 < rate ≤ 5, else the default 0.25. */
export function guaranteePercentFromParams(params: URLSearchParams): number {
  const value = parsePercent(params.get("garantie") ?? "");
  return value !== null && value > 0 && value <= MAX_GUARANTEE_PERCENT ? value : DEFAULT_GUARANTEE_PERCENT;
}

export function writeGuaranteePercent(percent: number, base: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  if (percent === DEFAULT_GUARANTEE_PERCENT) params.delete("garantie");
  else params.set("garantie", plain(percent));
  return params;
}

/** A guarantee rate typed in the form: a percentage above 0 and at most 5, or null. */
export function checkGuaranteePercent(text: string): number | null {
  const value = parsePercent(text);
  return value !== null && value > 0 && value <= MAX_GUARANTEE_PERCENT ? value : null;
}
