import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { UnreadableFileError, type Office, type ReferenceData, type Route, type SourceRecord } from "../../src/core/types.js";
import { parseCustomsDeclarations } from "../../src/feeds/customs-declarations/parse.js";
import type { CustomsDeclarationRow } from "../../src/feeds/customs-declarations/row.js";

type DeclarationRecord = SourceRecord<CustomsDeclarationRow>;

const fixture = (path: string) => readFile(new URL(`../fixtures/${path}`, import.meta.url));

async function csvRows(name: string): Promise<((column: string) => string)[]> {
  const text = await readFile(new URL(`../../../warehouse/reference/${name}`, import.meta.url), "utf8");
  const [header = "", ...lines] = text.trim().split(/\r?\n/u);
  const columns = header.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return (column: string) => cells[columns.indexOf(column)] ?? "";
  });
}

async function loadReference(): Promise<ReferenceData> {
  const offices = new Map<string, Office>();
  for (const cell of await csvRows("offices.csv")) offices.set(cell("code"), { code: cell("code"), country: cell("country"), kind: cell("kind"), timezone: cell("timezone") });
  const routes = new Map<string, Route>();
  for (const cell of await csvRows("routes.csv")) routes.set(cell("route"), { code: cell("route"), destinationCountry: cell("destination_country"), offices: cell("offices").split(">") });
  return {
    offices,
    routes,
    terminals: new Set(["LCT", "TTL", "QCONV", "QMIN", "JETTY"]),
    feeCodes: new Set(["PORT_DUES", "THC", "STORAGE", "SCANNING", "PCJ_LEVY", "PILOTAGE", "TOWAGE", "BERTH_DUES"]),
    taxCodes: new Set(["DD", "RS", "PC", "PCS", "TVA", "GAR"]),
  };
}

const reference = await loadReference();

/** Re-iterable bytes in chunks of `size`; the first chunk is `first` bytes long, to move every boundary. */
function byteSource(bytes: Buffer, size: number, first = size): AsyncIterable<Buffer> {
  return {
    async *[Symbol.asyncIterator]() {
      let at = 0;
      let length = Math.max(1, first);
      while (at < bytes.length) {
        yield bytes.subarray(at, at + length);
        at += length;
        length = size;
      }
    },
  };
}

async function collect(source: AsyncIterable<Buffer>): Promise<DeclarationRecord[]> {
  const records: DeclarationRecord[] = [];
  for await (const record of parseCustomsDeclarations(source, { reference, fileName: "test.xml" })) records.push(record);
  return records;
}

const parse = (input: Buffer | string, size = 64, first = size) => collect(byteSource(typeof input === "string" ? Buffer.from(input, "utf8") : input, size, first));

function rowOf(record: DeclarationRecord | undefined): CustomsDeclarationRow {
  if (!record?.outcome.ok) throw new Error(`expected a loaded declaration, got ${JSON.stringify(record?.outcome)}`);
  return record.outcome.row;
}

function refusalOf(record: DeclarationRecord | undefined) {
  if (!record || record.outcome.ok) throw new Error(`expected a quarantined declaration, got ${JSON.stringify(record?.outcome)}`);
  return record.outcome;
}

const batch1 = (await fixture("samples/20241003T1800_TG_customs_batch1.xml")).toString("utf8");
/** D1 as batch 1 writes it, the base of the variants below. */
const D1 = /<ASYCUDA>[\s\S]*?<\/ASYCUDA>/u.exec(batch1)?.[0] ?? "";

/** The declaration with each edit applied once; an edit that finds nothing fails the test rather than testing nothing. */
function variant(base: string, ...edits: (readonly [string | RegExp, string])[]): string {
  let text = base;
  for (const [from, to] of edits) {
    expect(text).toMatch(from);
    text = text.replace(from, to);
  }
  return text;
}

const batchOf = (...declarations: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<ASYCUDA_BATCH exported_at="2024-10-20T06:00:00Z">\n${declarations.join("\n")}\n</ASYCUDA_BATCH>\n`;

const D1_BATCH1: CustomsDeclarationRow = {
  declaration_id: "TGLFW-2024-L-70412",
  office: "TGLFW",
  reg_year: 2024,
  serial: "L",
  number: "70412",
  office_country: "TG",
  regime: "IM8",
  cancelled: 0,
  registered_at: "2024-10-03 09:00:00",
  receipt_number: "",
  receipt_at: null,
  released_at: null,
  destination_country: "BF",
  destination_office: "BFOUA",
  route: "TG-BF-OUA",
  transit_time_limit: "2024-10-18",
  guarantee_reference: "GAR-TG-24-0912",
  guarantee_amount: "4224750",
  previous_document: "",
  consignee_code: "BF0045120",
  consignee_name: "Établissements Zongo & Frères",
  "containers.identity": ["WHLU5120381", "KKFU7731200"],
  "containers.size_type": ["45G1", "22G1"],
  "containers.full_empty": ["F", "F"],
  "containers.gross_kg": ["26000", "18500"],
  "items.hs_code": ["1006300000"],
  "items.origin": ["TH"],
  "items.description": ["Riz blanchi en sacs de 50 kg"],
  "items.gross_kg": ["44500"],
  "items.net_kg": ["44200"],
  "items.cif_xof": ["12900000"],
  "taxes.item": [1, 1, 1, 1, 1, 1],
  "taxes.code": ["DD", "RS", "PCS", "PC", "TVA", "GAR"],
  "taxes.base": ["12900000", "12900000", "12900000", "12900000", "14512500", "4224750"],
  "taxes.rate": ["10", "1", "1", "0.5", "18", "100"],
  "taxes.amount": ["1290000", "129000", "129000", "64500", "2612250", "4224750"],
  "taxes.mp": [0, 0, 0, 0, 0, 2],
  exported_at: "2024-10-03 18:00:00.000",
};

describe("customs-declarations: the sample batches", () => {
  it("reads batch 1: D1 in full and D2, with positions, keys and raw text", async () => {
    const records = await parse(batch1);
    expect(records.map((r) => [r.index, r.position, r.key])).toEqual([
      [1, { line: 3, message: 0, segment: 0 }, "TGLFW-2024-L-70412"],
      [2, { line: 30, message: 0, segment: 0 }, "TGLFW-2024-L-70415"],
    ]);
    expect(rowOf(records[0])).toEqual(D1_BATCH1);
    expect(records[0]?.raw).toBe(D1);
    expect(records[1]?.raw.startsWith("<ASYCUDA>\n    <Identification>")).toBe(true);
    expect(records[1]?.raw.endsWith("</Item>\n  </ASYCUDA>")).toBe(true);

    const d2 = rowOf(records[1]);
    expect(d2).toMatchObject({ regime: "IM8", registered_at: "2024-10-03 11:30:00", receipt_number: "R 8841", receipt_at: "2024-10-03 15:00:00", released_at: null });
    expect(d2).toMatchObject({ destination_country: "NE", destination_office: "NENIM", route: "TG-NE-KAN", consignee_name: "Société Nigérienne des Tôles" });
    expect(d2["items.hs_code"]).toEqual(["7210490000"]);
    expect(d2["items.gross_kg"]).toEqual(["27000"]);
    expect(d2["items.cif_xof"]).toEqual(["14850000"]);
    expect(d2["taxes.code"]).toEqual(["DD", "RS", "PCS", "PC", "TVA", "GAR"]);
    expect(d2["taxes.amount"][1]).toBe("148500");
    expect(d2["taxes.mp"]).toEqual([0, 1, 0, 0, 0, 2]);
  });

  it("reads the Burkina batch: ISO-8859-1, DD/MM/YYYY, D4 ending D1 and the export D5", async () => {
    const bytes = await fixture("samples/20241014T2000_BF_customs_batch.xml");
    const records = await parse(bytes, 7);
    expect(records.map((r) => r.key)).toEqual(["BFOUA-2024-C-33817", "BFOUA-2024-E-5120"]);
    const d4 = rowOf(records[0]);
    expect(d4).toMatchObject({
      office: "BFOUA",
      office_country: "BF",
      regime: "IM4",
      registered_at: "2024-10-13 10:00:00",
      receipt_number: "Q 2291",
      receipt_at: "2024-10-13 16:00:00",
      released_at: "2024-10-14 11:00:00",
      destination_country: "",
      route: "",
      transit_time_limit: null,
      guarantee_amount: null,
      previous_document: "TGLFW-2024-L-70412",
      consignee_name: "Établissements Zongo & Frères",
      exported_at: "2024-10-14 20:00:00.000",
    });
    expect(d4["items.gross_kg"]).toEqual(["44500"]);
    expect(d4["taxes.amount"]).toEqual(["1290000", "129000", "129000", "64500", "2612250"]);
    expect(d4["taxes.mp"]).toEqual([1, 1, 1, 1, 1]);
    expect(records[0]?.raw).toContain("<Name>Établissements Zongo &amp; Frères</Name>");

    const d5 = rowOf(records[1]);
    // The destination office is Lomé (TG), but the country code wins.
    expect(d5).toMatchObject({ regime: "EX1", destination_country: "CN", destination_office: "TGLFW", route: "TG-BF-OUA", transit_time_limit: "2024-10-20" });
    expect(d5).toMatchObject({ registered_at: "2024-10-08 09:00:00", receipt_at: "2024-10-08 11:00:00", released_at: "2024-10-08 15:30:00" });
    expect(d5["items.description"]).toEqual(["Coton égrené non cardé ni peigné"]);
    expect(d5["items.cif_xof"]).toEqual(["25300000"]);
    expect(d5["taxes.code"]).toEqual(["RS"]);
  });

  it("reads batch 2: D1 and D2 now released, and D3", async () => {
    const records = await parse(await fixture("samples/20241016T1800_TG_customs_batch2.xml"));
    expect(records.map((r) => r.key)).toEqual(["TGLFW-2024-L-70412", "TGLFW-2024-L-70415", "TGLFW-2024-L-70498"]);
    expect(rowOf(records[0])).toEqual({ ...D1_BATCH1, released_at: "2024-10-04 15:00:00", exported_at: "2024-10-16 18:00:00.000" });
    expect(rowOf(records[1])).toMatchObject({ released_at: "2024-10-04 09:30:00", receipt_at: "2024-10-03 15:00:00" });
    const d3 = rowOf(records[2]);
    expect(d3).toMatchObject({ registered_at: "2024-10-15 08:00:00", released_at: "2024-10-16 10:00:00", destination_country: "ML", route: "TG-ML-HER" });
    expect(d3["containers.size_type"]).toEqual(["42G1"]);
    expect(d3["items.gross_kg"]).toEqual(["21000"]);
    expect(d3["items.cif_xof"]).toEqual(["33600000"]);
  });
});

describe("customs-declarations: reading the fields", () => {
  it("reads a lone ASYCUDA root in Niamey time (UTC+1), with no exported_at", async () => {
    const records = await parse(await fixture("xml/lone-declaration-niamey.xml"));
    expect(records).toHaveLength(1);
    expect(records[0]?.position.line).toBe(3);
    expect(records[0]?.key).toBe("NENIM-2024-C-00981");
    const row = rowOf(records[0]);
    expect(row).toMatchObject({
      declaration_id: "NENIM-2024-C-00981",
      number: "00981",
      office_country: "NE",
      regime: "IM4",
      cancelled: 0,
      registered_at: "2024-10-21 09:00:00",
      receipt_at: "2024-10-21 13:30:00",
      released_at: "2024-10-22 07:15:30",
      destination_country: "",
      previous_document: "TGLFW-2024-L-70415",
      exported_at: null,
    });
    expect(row["containers.full_empty"]).toEqual(["FCL"]);
    expect(row["containers.gross_kg"]).toEqual([null]);
    expect(row["items.hs_code"]).toEqual(["7210490000", "7308900090"]);
    expect(row["items.description"]).toEqual(["Tôles <galvanisées>", "Accessoires de fixation"]);
    expect(row["items.gross_kg"]).toEqual(["27000", "120.5"]);
    expect(row["items.net_kg"]).toEqual(["26850.5", "118"]);
    expect(row["taxes.item"]).toEqual([1, 2, 2]);
    expect(row["taxes.code"]).toEqual(["DD", "DD", "TVA"]);
    expect(row["taxes.mp"]).toEqual([1, 1, 1]);
  });

  it("takes reg_year from the local registration date, not from UTC", async () => {
    const lone = (await fixture("xml/lone-declaration-niamey.xml")).toString("utf8");
    const registeredAt = (date: string, time: string) => variant(lone, ["<Date>21/10/2024</Date><Time>10:00</Time></Registration>", `<Date>${date}</Date><Time>${time}</Time></Registration>`]);
    const newYearsEve = rowOf((await parse(registeredAt("31/12/2024", "23:30")))[0]);
    expect(newYearsEve).toMatchObject({ reg_year: 2024, declaration_id: "NENIM-2024-C-00981", registered_at: "2024-12-31 22:30:00" });
    const newYear = await parse(registeredAt("01/01/2025", "00:30"));
    expect(newYear[0]?.key).toBe("NENIM-2025-C-00981");
    expect(rowOf(newYear[0])).toMatchObject({ reg_year: 2025, registered_at: "2024-12-31 23:30:00" });
  });

  it("marks a CANCELLED declaration", async () => {
    const cancelled = variant(D1, ["<Release><Date /><Time /></Release>", "<Release><Date /><Time /></Release>\n      <Status>CANCELLED</Status>"]);
    expect(rowOf((await parse(batchOf(cancelled)))[0]).cancelled).toBe(1);
  });

  it("lets the destination country code win over the destination office's country", async () => {
    const row = rowOf((await parse(batchOf(variant(D1, ["<Destination_country_code>BF<", "<Destination_country_code>NE<"]))))[0]);
    expect(row).toMatchObject({ destination_country: "NE", destination_office: "BFOUA" });
  });

  it("reads exported_at as UTC without an offset and converts an explicit one", async () => {
    const exportedAt = async (value: string) => rowOf((await parse(batchOf(D1).replace('exported_at="2024-10-20T06:00:00Z"', `exported_at="${value}"`)))[0]).exported_at;
    expect(await exportedAt("2024-10-03T18:00:00")).toBe("2024-10-03 18:00:00.000");
    expect(await exportedAt("2024-10-03T19:30:00.250+01:00")).toBe("2024-10-03 18:30:00.250");
  });

  it("ignores elements the contract does not name, at any level", async () => {
    const text = batchOf(
      "<Header><ASYCUDA>a summary, not a declaration</ASYCUDA></Header>",
      "<!-- comment --><?processing instruction?>",
      variant(D1, ["<Traders>", "<Extra><Number>99</Number></Extra>\n    <Traders>"]),
      variant(D1, ["<Number>70412<", "<Number>70413<"]),
    );
    const records = await parse(text);
    expect(records.map((r) => [r.index, r.key])).toEqual([
      [1, "TGLFW-2024-L-70412"],
      [2, "TGLFW-2024-L-70413"],
    ]);
    expect(rowOf(records[0])).toEqual({ ...D1_BATCH1, exported_at: "2024-10-20 06:00:00.000" });
  });
});

describe("customs-declarations: quarantine", () => {
  const CASES: {
    readonly name: string;
    readonly edits: readonly (readonly [string | RegExp, string])[];
    readonly reason: string;
    readonly detail: string;
    readonly candidate: boolean;
  }[] = [
    { name: "an unknown regime", edits: [["<Declaration_gen_procedure_code>8<", "<Declaration_gen_procedure_code>7<"]], reason: "MALFORMED", detail: 'Identification/Type/Type_of_declaration "IM" with Identification/Type/Declaration_gen_procedure_code "7" is not a known regime', candidate: false },
    { name: "an unknown tax code", edits: [["<Duty_tax_code>PCS<", "<Duty_tax_code>XYZ<"]], reason: "MALFORMED", detail: 'Item[1]/Taxation/Taxation_line[3]/Duty_tax_code "XYZ" is not a known tax code (DD, RS, PC, PCS, TVA, GAR)', candidate: true },
    { name: "a payment mode other than 0, 1 or 2", edits: [["<Duty_tax_MP>2<", "<Duty_tax_MP>3<"]], reason: "MALFORMED", detail: 'Item[1]/Taxation/Taxation_line[6]/Duty_tax_MP "3" is not 0 (suspended), 1 (paid) or 2 (guaranteed)', candidate: false },
    { name: "a missing registration number", edits: [["<Number>70412</Number>", ""]], reason: "MISSING_FIELD", detail: "Identification/Registration/Number is missing", candidate: false },
    { name: "an empty office", edits: [["<Customs_clearance_office_code>TGLFW<", "<Customs_clearance_office_code><"]], reason: "MISSING_FIELD", detail: "Identification/Office_segment/Customs_clearance_office_code is empty", candidate: false },
    { name: "no Item", edits: [[/\s*<Item>[\s\S]*<\/Item>/u, ""]], reason: "MISSING_FIELD", detail: "Item is missing: a declaration has at least one", candidate: false },
    { name: "a tax line without its amount", edits: [["<Duty_tax_amount>64500</Duty_tax_amount>", ""]], reason: "MISSING_FIELD", detail: "Item[1]/Taxation/Taxation_line[4]/Duty_tax_amount is missing", candidate: false },
    { name: "an impossible registration date", edits: [["<Date>2024-10-03</Date>", "<Date>2024-02-30</Date>"]], reason: "BAD_DATE", detail: 'Identification/Registration/Date "2024-02-30" is not a date (YYYY-MM-DD or DD/MM/YYYY)', candidate: false },
    { name: "an unreadable registration time", edits: [["<Time>09:00:00</Time>", "<Time>9h00</Time>"]], reason: "BAD_DATE", detail: 'Identification/Registration/Time "9h00" is not a time (HH:MM or HH:MM:SS)', candidate: false },
    { name: "a receipt date without a time", edits: [["<Receipt><Number /><Date /><Time /></Receipt>", "<Receipt><Number>R 1</Number><Date>2024-10-03</Date><Time /></Receipt>"]], reason: "BAD_DATE", detail: 'Identification/Receipt/Date "2024-10-03" has no Identification/Receipt/Time', candidate: false },
    { name: "a release time without a date", edits: [["<Release><Date /><Time /></Release>", "<Release><Date /><Time>15:00</Time></Release>"]], reason: "BAD_DATE", detail: 'Identification/Release/Time "15:00" has no Identification/Release/Date', candidate: false },
    { name: "an unreadable transit time limit", edits: [["<Time_limit>2024-10-18<", "<Time_limit>18.10.2024<"]], reason: "BAD_DATE", detail: 'Transit/Time_limit "18.10.2024" is not a date', candidate: false },
    { name: "a 7-digit commodity code", edits: [["<Commodity_code>10063000<", "<Commodity_code>1006300<"]], reason: "BAD_NUMBER", detail: 'Item[1]/Tarification/HScode/Commodity_code "1006300" is not 8 digits', candidate: false },
    { name: "a 3-digit precision", edits: [["<Precision_1>00<", "<Precision_1>000<"]], reason: "BAD_NUMBER", detail: 'Item[1]/Tarification/HScode/Precision_1 "000" is not 2 digits', candidate: false },
    { name: "a decimal comma", edits: [["<Gross_weight_itm>44500<", "<Gross_weight_itm>44500,5<"]], reason: "BAD_NUMBER", detail: 'Item[1]/Valuation_item/Weight_itm/Gross_weight_itm "44500,5" is not a decimal number', candidate: false },
    { name: "an unreadable container weight", edits: [["<Gross_weight>18500<", "<Gross_weight>18 t<"]], reason: "BAD_NUMBER", detail: 'Container[2]/Gross_weight "18 t" is not a decimal number', candidate: false },
    { name: "an unknown clearance office", edits: [["<Customs_clearance_office_code>TGLFW<", "<Customs_clearance_office_code>TGXXX<"]], reason: "UNKNOWN_OFFICE", detail: 'Identification/Office_segment/Customs_clearance_office_code "TGXXX" is not in the office list', candidate: false },
    { name: "an unknown destination office", edits: [["<Destination_office>BFOUA<", "<Destination_office>BFZZZ<"]], reason: "UNKNOWN_OFFICE", detail: 'Transit/Destination_office "BFZZZ" is not in the office list', candidate: true },
    { name: "an unknown route", edits: [["<Route>TG-BF-OUA<", "<Route>TG-BF-XXX<"]], reason: "UNKNOWN_ROUTE", detail: 'Transit/Route "TG-BF-XXX" is not in the route list', candidate: true },
    { name: "a negative item weight", edits: [["<Gross_weight_itm>44500<", "<Gross_weight_itm>-44500<"]], reason: "NEGATIVE_QUANTITY", detail: 'Item[1]/Valuation_item/Weight_itm/Gross_weight_itm "-44500" is negative', candidate: true },
    { name: "a negative tax amount", edits: [["<Duty_tax_amount>129000<", "<Duty_tax_amount>-129000<"]], reason: "NEGATIVE_QUANTITY", detail: 'Item[1]/Taxation/Taxation_line[2]/Duty_tax_amount "-129000" is negative', candidate: true },
    { name: "a negative guarantee", edits: [["<Amount>4224750<", "<Amount>-1<"]], reason: "NEGATIVE_QUANTITY", detail: 'Transit/Guarantee/Amount "-1" is negative', candidate: true },
  ];

  for (const { name, edits, reason, detail, candidate } of CASES) {
    it(`quarantines ${name}: ${reason}`, async () => {
      const declaration = variant(D1, ...edits);
      const [record, ...others] = await parse(batchOf(declaration));
      expect(others).toEqual([]);
      expect(record?.raw).toBe(declaration);
      const refusal = refusalOf(record);
      expect(refusal.reason).toBe(reason);
      expect(refusal.detail).toContain(detail);
      expect(refusal.candidate !== undefined).toBe(candidate);
    });
  }

  it("keeps the fully read row as the candidate when only a check failed", async () => {
    const refusal = refusalOf((await parse(batchOf(variant(D1, ["<Route>TG-BF-OUA<", "<Route>TG-BF-XXX<"]))))[0]);
    expect(refusal.candidate).toEqual({ ...D1_BATCH1, route: "TG-BF-XXX", exported_at: "2024-10-20 06:00:00.000" });
  });

  it("keeps the key when the office is unknown but the key fields were read", async () => {
    const [record] = await parse(batchOf(variant(D1, ["<Customs_clearance_office_code>TGLFW<", "<Customs_clearance_office_code>TGXXX<"])));
    expect(record?.key).toBe("TGXXX-2024-L-70412");
    const [noDate] = await parse(batchOf(variant(D1, ["<Date>2024-10-03</Date>", "<Date>03.10.2024</Date>"])));
    expect(noDate?.key).toBeNull();
  });

  it("reports the first failure in the contract's order", async () => {
    const reasonOf = async (...edits: (readonly [string | RegExp, string])[]) => refusalOf((await parse(batchOf(variant(D1, ...edits))))[0]).reason;
    const badRegime = ["<Declaration_gen_procedure_code>8<", "<Declaration_gen_procedure_code>7<"] as const;
    const noNumber = ["<Number>70412</Number>", ""] as const;
    const badDate = ["<Date>2024-10-03</Date>", "<Date>2024-13-03</Date>"] as const;
    const badNumber = ["<Total_CIF_itm>12900000<", "<Total_CIF_itm>12 900 000<"] as const;
    const unknownRoute = ["<Route>TG-BF-OUA<", "<Route>TG-BF-XXX<"] as const;
    const negative = ["<Net_weight_itm>44200<", "<Net_weight_itm>-44200<"] as const;
    expect(await reasonOf(noNumber, badRegime)).toBe("MALFORMED");
    expect(await reasonOf(badDate, noNumber)).toBe("MISSING_FIELD");
    expect(await reasonOf(unknownRoute, badNumber)).toBe("BAD_NUMBER");
    expect(await reasonOf(negative, badDate)).toBe("BAD_DATE");
    expect(await reasonOf(negative, unknownRoute)).toBe("UNKNOWN_ROUTE");
  });

  it("quarantines every declaration of a batch whose exported_at is missing or unreadable", async () => {
    const missing = await parse(batchOf(D1, D1).replace(' exported_at="2024-10-20T06:00:00Z"', ""));
    expect(missing.map((r) => refusalOf(r).reason)).toEqual(["MISSING_FIELD", "MISSING_FIELD"]);
    expect(refusalOf(missing[0]).detail).toBe("ASYCUDA_BATCH/@exported_at is missing");
    const unreadable = await parse(batchOf(D1).replace('exported_at="2024-10-20T06:00:00Z"', 'exported_at="yesterday"'));
    expect(refusalOf(unreadable[0])).toMatchObject({ reason: "BAD_DATE", detail: 'ASYCUDA_BATCH/@exported_at "yesterday" is not an ISO 8601 date-time' });
  });
});

describe("customs-declarations: XML that breaks", () => {
  it("quarantines the declaration cut by a well-formedness error and keeps the rest of the file as one record", async () => {
    const bytes = await fixture("xml/broken-mid-file.xml");
    const text = bytes.toString("utf8");
    const records = await parse(bytes, 5);
    expect(records.map((r) => [r.index, r.position.line, r.key, r.outcome.ok ? "ok" : r.outcome.reason])).toEqual([
      [1, 3, "TGLFW-2024-L-71001", "ok"],
      [2, 16, null, "MALFORMED"],
      [3, 20, null, "MALFORMED"],
    ]);
    const [, cut, rest] = records;
    expect(cut?.raw.startsWith("<ASYCUDA>\n    <Identification>")).toBe(true);
    expect(cut?.raw.endsWith("<Number>71002</Numbr>")).toBe(true);
    expect(refusalOf(cut).detail).toMatch(/^XML not well-formed at line 20, column \d+: .*the declaration is cut there$/u);
    expect(rest?.raw.startsWith("<Date>2024-10-05</Date>")).toBe(true);
    expect(rest?.raw).toContain("<Number>71003</Number>");
    expect(rest?.raw.endsWith("</ASYCUDA_BATCH>\n")).toBe(true);
    expect(refusalOf(rest).detail).toContain("parsing stopped at line 20");
    // Nothing is lost: the two quarantined records hold all the text from the cut declaration on.
    expect(`${cut?.raw}${rest?.raw}`).toBe(text.slice(text.indexOf("<ASYCUDA>", text.indexOf("71001"))));
  });

  it("keeps everything from an ignored element that breaks, as one record", async () => {
    const text = batchOf(D1, "<Summary><Count>2</Cuont></Summary>", variant(D1, ["<Number>70412<", "<Number>70413<"]));
    const records = await parse(text, 7);
    expect(records.map((r) => [r.index, r.position.line, r.outcome.ok ? "ok" : r.outcome.reason])).toEqual([
      [1, 3, "ok"],
      [2, 30, "MALFORMED"],
    ]);
    expect(records[1]?.raw).toBe(text.slice(text.indexOf("<Summary>")));
    expect(refusalOf(records[1]).detail).toContain("parsing stopped at line 30");
  });

  it("quarantines a declaration cut short by the end of the file", async () => {
    const truncated = batch1.slice(0, batch1.indexOf("<Duty_tax_code>RS", batch1.indexOf("70415")));
    const records = await parse(truncated);
    expect(records.map((r) => (r.outcome.ok ? "ok" : r.outcome.reason))).toEqual(["ok", "MALFORMED"]);
    expect(records[1]?.key).toBe("TGLFW-2024-L-70415");
    expect(records[1]?.raw).toBe(truncated.slice(truncated.lastIndexOf("<ASYCUDA>")));
  });

  it("accepts a batch whose closing root tag is missing when every declaration is whole", async () => {
    const records = await parse(batch1.replace("</ASYCUDA_BATCH>", ""));
    expect(records.map((r) => r.outcome.ok)).toEqual([true, true]);
  });

  it("refuses a file whose root is neither ASYCUDA_BATCH nor ASYCUDA", async () => {
    await expect(parse(await fixture("xml/unknown-root.xml"))).rejects.toThrow(UnreadableFileError);
    await expect(parse(await fixture("xml/unknown-root.xml"))).rejects.toThrow("root element <DeclarationBatch>");
  });

  it("refuses a file that is not XML, is empty, or declares an encoding it cannot have", async () => {
    await expect(parse('{"movement":"TRIE-2024-000451"}\n')).rejects.toThrow(UnreadableFileError);
    await expect(parse("")).rejects.toThrow(UnreadableFileError);
    await expect(parse(batch1.replace('encoding="UTF-8"', 'encoding="EBCDIC-CP-US"'))).rejects.toThrow('encoding "EBCDIC-CP-US"');
  });
});

describe("customs-declarations: streaming", () => {
  it("gives the same records whatever the chunk boundaries, even inside multi-byte characters", async () => {
    const text = batchOf(variant(D1, ["Riz blanchi en sacs de 50 kg", "Riz – qualité 𝟏, sacs de 50 kg"]), variant(D1, ["<Number>70412<", "<Number>70413<"])).replaceAll("\n", "\r\n");
    const bytes = Buffer.from(text, "utf8");
    const whole = await parse(bytes, bytes.length);
    expect(whole.map((r) => r.position.line)).toEqual([3, 30]);
    expect(rowOf(whole[0])["items.description"]).toEqual(["Riz – qualité 𝟏, sacs de 50 kg"]);
    expect(rowOf(whole[0]).consignee_name).toBe("Établissements Zongo & Frères");
    expect(whole[0]?.raw).toContain("\r\n");
    // Chunks of 7 bytes, shifted through every offset: some boundary falls inside each 2-, 3- and 4-byte character and between CR and LF.
    for (let first = 1; first <= 7; first++) expect(await parse(bytes, 7, first), `first chunk ${first} bytes`).toEqual(whole);
    expect(await parse(bytes, 1)).toEqual(whole);
  });

  it("streams a batch of 20 000 declarations", async () => {
    const count = 20_000;
    const source: AsyncIterable<Buffer> = {
      async *[Symbol.asyncIterator]() {
        yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<ASYCUDA_BATCH exported_at="2024-10-20T06:00:00Z">\n');
        for (let n = 1; n <= count; n++) yield Buffer.from(`${D1.replace("<Number>70412<", `<Number>${n}<`)}\n`);
        yield Buffer.from("</ASYCUDA_BATCH>\n");
      },
    };
    let loaded = 0;
    let last: DeclarationRecord | undefined;
    for await (const record of parseCustomsDeclarations(source, { reference, fileName: "generated.xml" })) {
      if (record.outcome.ok) loaded++;
      last = record;
    }
    expect(loaded).toBe(count);
    expect(last?.index).toBe(count);
    expect(last?.key).toBe(`TGLFW-2024-L-${count}`);
    // Each declaration is 27 lines long, the first starting on line 3.
    expect(last?.position.line).toBe(3 + 27 * (count - 1));
  });
});
