import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readReferenceLists } from "@corridor/warehouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBytes, peekBytes } from "../../src/core/byte-source.js";
import { detectFeed } from "../../src/core/detect-feed.js";
import type { Office, ReferenceData, Route } from "../../src/core/types.js";
import { feedSpecs } from "../../src/feeds/feed-registry.js";
import { generateDemoData, type GenerateSummary } from "../../src/generate/generate.js";

/** The parsers' code lists, from the same reference files the warehouse loads. */
function referenceData(): ReferenceData {
  const lists = readReferenceLists();
  const rows = (table: string) => lists.find((l) => l.list.table === table)?.rows ?? [];
  const codes = (table: string) => new Set(rows(table).map((r) => String(r.code)));
  return {
    offices: new Map(rows("ref_offices").map((r): [string, Office] => [String(r.code), { code: String(r.code), country: String(r.country), kind: String(r.kind), timezone: String(r.timezone) }])),
    routes: new Map(rows("ref_routes").map((r): [string, Route] => [String(r.route), { code: String(r.route), destinationCountry: String(r.destination_country), offices: r.offices as string[] }])),
    terminals: codes("ref_terminals"),
    feeCodes: codes("ref_fee_codes"),
    taxCodes: codes("ref_tax_codes"),
  };
}

interface ParsedFile {
  readonly feed: string | null;
  readonly records: number;
  readonly refused: Record<string, number>;
  /** Texts of the loaded rows' string fields that hold a non-ASCII character. */
  readonly accented: string[];
}

async function parseFile(file: string, reference: ReferenceData): Promise<ParsedFile> {
  const feed = detectFeed(await peekBytes(openBytes(file), 64 * 1024));
  const spec = feed === null ? undefined : feedSpecs().get(feed);
  if (!spec) return { feed, records: 0, refused: {}, accented: [] };
  let records = 0;
  const refused: Record<string, number> = {};
  const accented: string[] = [];
  for await (const record of spec.parse(openBytes(file), { reference, fileName: path.basename(file) })) {
    records++;
    if (!record.outcome.ok) refused[record.outcome.reason] = (refused[record.outcome.reason] ?? 0) + 1;
    else for (const value of Object.values(record.outcome.row)) if (typeof value === "string" && /[^\x00-\x7f]/u.test(value)) accented.push(value);
  }
  return { feed, records, refused, accented };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-generate-parse-"));
let summary: GenerateSummary;
const parsed = new Map<string, ParsedFile>();

beforeAll(async () => {
  // May–June 2024: June's LCT interchange is gzipped, as is the Togo batch of 5 July that closes the period.
  summary = await generateDemoData({ from: "2024-05", to: "2024-06", scale: 0.005, seed: 11, outDir: dir });
  const reference = referenceData();
  for (const file of summary.files) parsed.set(file.path, await parseFile(file.path, reference));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("generated files read by the real parsers", () => {
  it("are each recognised as the feed the summary gives, with as many records", () => {
    expect(summary.files.length).toBeGreaterThan(10);
    for (const file of summary.files) {
      const result = parsed.get(file.path);
      expect(result?.feed, file.path).toBe(file.feed);
      expect(result?.records, file.path).toBe(file.records);
    }
    expect(new Set(summary.files.map((f) => f.feed))).toEqual(new Set(["vessel-calls", "container-events", "customs-declarations", "transit-movements", "port-invoices"]));
  });

  it("refuse exactly the planted bad records, with their reason codes", () => {
    let planted = 0;
    let records = 0;
    for (const file of summary.files) {
      expect(parsed.get(file.path)?.refused, path.basename(file.path)).toEqual(file.planted);
      planted += Object.values(file.planted).reduce((a, b) => a + b, 0);
      records += file.records;
    }
    expect(planted).toBeGreaterThan(0);
    expect(planted / records).toBeLessThan(0.01);
  });

  it("exercise the dialects and encodings of formats.md, accents intact", () => {
    const names = summary.files.map((f) => path.basename(f.path));
    expect(names.some((n) => n.endsWith(".gz"))).toBe(true);
    const head = (pattern: RegExp) => {
      const file = summary.files.find((f) => pattern.test(path.basename(f.path)));
      expect(file, String(pattern)).toBeDefined();
      return fs.readFileSync(file?.path ?? "").subarray(0, 200);
    };
    expect(head(/_PAL_factures_/u).toString("latin1")).toContain("invoice_no;issued_at");
    expect([...head(/_TTL_factures_/u).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(head(/_LCT_EDI_.*\.edi$/u).toString("latin1")).toMatch(/^UNA:\+\.\? '\nUNB\+UNOC:3\+LCT/u);
    expect(head(/_TTL_EDI_/u).toString("latin1")).toMatch(/^UNB\+UNOC:3\+TTL[^\n]*'UNH/u);
    expect(head(/_BF_customs_/u).toString("latin1")).toContain('encoding="ISO-8859-1"');
    // Names written in Latin-1 (BF XML, EDIFACT UNOC, PAL CSV) and UTF-8 (TG XML) come out as they were written.
    const accented = new Set([...parsed.values()].flatMap((p) => p.accented));
    expect([...accented].some((v) => /Burkinabè|Ouédraogo|Société|Établissements/u.test(v))).toBe(true);
    for (const value of accented) expect(value, "no mojibake").not.toMatch(/Ã[\u0080-\u00bf]|Â[\u0080-\u00bf]|â€|\uFFFD/u);
  });
});
