import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UnreadableFileError, type ParseContext, type ReferenceData, type SourceRecord } from "../../src/core/types.js";
import { parsePortInvoices } from "../../src/feeds/port-invoices/parse.js";
import type { PortInvoiceRow } from "../../src/feeds/port-invoices/row.js";

const reference: ReferenceData = {
  offices: new Map(),
  routes: new Map(),
  terminals: new Set(["LCT", "TTL", "QCONV", "QMIN", "JETTY"]),
  feeCodes: new Set(["PORT_DUES", "THC", "STORAGE", "SCANNING", "PCJ_LEVY", "PILOTAGE", "TOWAGE", "BERTH_DUES"]),
  taxCodes: new Set(["DD", "RS", "PC", "PCS", "TVA", "GAR"]),
};

const HEADER = "invoice_no,issued_at,fee_code,amount,currency,country,call_id,container,declaration,credit_note_of";

/** A re-iterable byte source, as openBytes gives: each pass yields the buffer again, in small chunks to hit every boundary. */
function byteSource(bytes: Buffer, chunkSize = 7): AsyncIterable<Buffer> {
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    },
  };
}

async function parse(bytes: Buffer, fileName = "test.csv", chunkSize = 7): Promise<SourceRecord<PortInvoiceRow>[]> {
  const context: ParseContext = { reference, fileName };
  const out: SourceRecord<PortInvoiceRow>[] = [];
  for await (const record of parsePortInvoices(byteSource(bytes, chunkSize), context)) out.push(record);
  return out;
}

const sample = (name: string) => readFileSync(new URL(`../fixtures/samples/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));
const at = (line: number) => ({ line, message: 0, segment: 0 });
const rowsOf = (records: SourceRecord<PortInvoiceRow>[]) => records.map((record) => (record.outcome.ok ? record.outcome.row : null));

function invoice(fields: Partial<PortInvoiceRow> & Pick<PortInvoiceRow, "invoice_no" | "issued_at" | "fee_code" | "amount" | "currency" | "amount_xof">): PortInvoiceRow {
  return { country: "", call_id: "", container: "", declaration: "", credit_note_of: "", ...fields };
}

describe("parsePortInvoices on the samples", () => {
  it("reads LCT's invoices, the credit note with the invoice it corrects", async () => {
    const records = await parse(sample("20241101T0600_LCT_factures_2024-10.csv"));
    const common = { fee_code: "THC", currency: "XOF", country: "BF", call_id: "LFW-24-3107", declaration: "TGLFW-2024-L-70412" };
    expect(records).toEqual([
      {
        index: 1,
        position: at(2),
        raw: "LCT-24-0091001,2024-10-08 08:00:00,THC,178000,XOF,BF,LFW-24-3107,WHLU5120381,TGLFW-2024-L-70412,",
        key: "LCT-24-0091001",
        outcome: { ok: true, row: invoice({ ...common, invoice_no: "LCT-24-0091001", issued_at: "2024-10-08 08:00:00", amount: "178000", amount_xof: "178000", container: "WHLU5120381" }) },
      },
      {
        index: 2,
        position: at(3),
        raw: "LCT-24-0091002,2024-10-09 10:00:00,THC,118000,XOF,BF,LFW-24-3107,KKFU7731200,TGLFW-2024-L-70412,",
        key: "LCT-24-0091002",
        outcome: { ok: true, row: invoice({ ...common, invoice_no: "LCT-24-0091002", issued_at: "2024-10-09 10:00:00", amount: "118000", amount_xof: "118000", container: "KKFU7731200" }) },
      },
      {
        index: 3,
        position: at(4),
        raw: "LCT-24-0091017,2024-10-20T11:00:00+00:00,THC,-59000,XOF,BF,LFW-24-3107,KKFU7731200,TGLFW-2024-L-70412,LCT-24-0091002",
        key: "LCT-24-0091017",
        outcome: {
          ok: true,
          row: invoice({ ...common, invoice_no: "LCT-24-0091017", issued_at: "2024-10-20 11:00:00", amount: "-59000", amount_xof: "-59000", container: "KKFU7731200", credit_note_of: "LCT-24-0091002" }),
        },
      },
    ]);
  });

  it("reads PAL's invoices (`;`, Windows-1252, no-break-space thousands), converting the EUR pilotage at the fixed parity", async () => {
    const records = await parse(sample("20241101T0600_PAL_factures_2024-10.csv"));
    expect(records.map((record) => [record.index, record.position, record.key, record.raw])).toEqual([
      [1, at(2), "PAL/24/000311", "PAL/24/000311;04/10/2024 09:00;PILOTAGE;2\u00a0450,00;EUR;;LFW-24-3107;;;"],
      [2, at(3), "PAL/24/000314", "PAL/24/000314;04/10/2024 16:00;PORT_DUES;82\u00a0325;XOF;BF;LFW-24-3107;;TGLFW-2024-L-70412;"],
      [3, at(4), "PAL/24/000327", "PAL/24/000327;07/10/2024 10:00;PCJ_LEVY;20\u00a0000;XOF;NE;;NYKU4409151;TGLFW-2024-L-70415;"],
    ]);
    expect(rowsOf(records)).toEqual([
      invoice({ invoice_no: "PAL/24/000311", issued_at: "2024-10-04 09:00:00", fee_code: "PILOTAGE", amount: "2450", currency: "EUR", amount_xof: "1607095", call_id: "LFW-24-3107" }),
      invoice({ invoice_no: "PAL/24/000314", issued_at: "2024-10-04 16:00:00", fee_code: "PORT_DUES", amount: "82325", currency: "XOF", amount_xof: "82325", country: "BF", call_id: "LFW-24-3107", declaration: "TGLFW-2024-L-70412" }),
      invoice({ invoice_no: "PAL/24/000327", issued_at: "2024-10-07 10:00:00", fee_code: "PCJ_LEVY", amount: "20000", currency: "XOF", amount_xof: "20000", country: "NE", container: "NYKU4409151", declaration: "TGLFW-2024-L-70415" }),
    ]);
  });

  it("reads TTL's invoices: BOM, upper-case header in another order, CRLF", async () => {
    const records = await parse(sample("20241101T0600_TTL_factures_2024-10.csv"));
    expect(records.map((record) => [record.index, record.position, record.key, record.raw])).toEqual([
      [1, at(2), "TTL24009001", "XOF,TTL24009001,165000,THC,12/10/2024 12:00,BF,SEKU4471023,BFOUA-2024-E-5120,,"],
      [2, at(3), "TTL24009004", "XOF,TTL24009004,178000,THC,19/10/2024 14:00,ML,SUDU6620456,TGLFW-2024-L-70498,LFW-24-3112,"],
    ]);
    expect(rowsOf(records)).toEqual([
      invoice({ invoice_no: "TTL24009001", issued_at: "2024-10-12 12:00:00", fee_code: "THC", amount: "165000", currency: "XOF", amount_xof: "165000", country: "BF", container: "SEKU4471023", declaration: "BFOUA-2024-E-5120" }),
      invoice({
        invoice_no: "TTL24009004",
        issued_at: "2024-10-19 14:00:00",
        fee_code: "THC",
        amount: "178000",
        currency: "XOF",
        amount_xof: "178000",
        country: "ML",
        call_id: "LFW-24-3112",
        container: "SUDU6620456",
        declaration: "TGLFW-2024-L-70498",
      }),
    ]);
  });
});

describe("parsePortInvoices dialects and layout", () => {
  it("gives identical rows for the same invoices written in either dialect and encoding", async () => {
    const comma = Buffer.from(`${HEADER}\nF-1,2024-10-04 09:00,TOWAGE,1234.56,EUR,,"Soci\u00e9t\u00e9, G\u00e9n\u00e9rale",,,\nF-2,2024-10-05 09:00,STORAGE,-59000,XOF,BF,,,,F-0\n`, "utf8");
    const semicolon = Buffer.from(`${HEADER.replaceAll(",", ";")}\r\nF-1;04/10/2024 09:00;TOWAGE;1\u00a0234,56;EUR;;Soci\u00e9t\u00e9, G\u00e9n\u00e9rale;;;\r\nF-2;05/10/2024 09:00;STORAGE;-59 000;XOF;BF;;;;F-0\r\n`, "latin1");
    const [a, b] = [await parse(comma), await parse(semicolon)];
    expect(rowsOf(b)).toEqual(rowsOf(a));
    expect(rowsOf(a)).toEqual([
      invoice({ invoice_no: "F-1", issued_at: "2024-10-04 09:00:00", fee_code: "TOWAGE", amount: "1234.56", currency: "EUR", amount_xof: "809818", call_id: "Société, Générale" }),
      invoice({ invoice_no: "F-2", issued_at: "2024-10-05 09:00:00", fee_code: "STORAGE", amount: "-59000", currency: "XOF", amount_xof: "-59000", country: "BF", credit_note_of: "F-0" }),
    ]);
  });

  it("skips blank lines and counts a quoted multi-line field's lines", async () => {
    const file = Buffer.from(`\n${HEADER}\n\n"F-1",2024-10-04 09:00,THC,10,XOF,"B\nF",,,,\n  \nF-2,2024-10-04 09:00,THC,20,XOF,BF,,,,\n`);
    const records = await parse(file);
    expect(records.map((record) => [record.index, record.position.line, record.key, record.outcome.ok ? record.outcome.row.country : null])).toEqual([
      [1, 4, "F-1", "B\nF"],
      [2, 7, "F-2", "BF"],
    ]);
  });

  it("refuses a file whose header lacks a column, naming it", async () => {
    await expect(parse(Buffer.from(`${HEADER.replace(",currency", "")}\r\n`), "inv.csv")).rejects.toThrow(new UnreadableFileError("inv.csv: header line 1 lacks column currency"));
  });
});

describe("parsePortInvoices reasons", () => {
  it("gives each row of the reasons fixture its reason, detail, key and candidate", async () => {
    const records = await parse(fixture("port-invoices-reasons.csv"));
    const base = { issued_at: "2024-10-05 08:30:00", fee_code: "STORAGE", amount: "1000", currency: "XOF", amount_xof: "1000", country: "ML" };
    const feeCodes = "PORT_DUES, THC, STORAGE, SCANNING, PCJ_LEVY, PILOTAGE, TOWAGE, BERTH_DUES";
    expect(records.map((record) => [record.position.line, record.key, record.outcome])).toEqual([
      [2, "I-OK", { ok: true, row: invoice({ ...base, invoice_no: "I-OK", amount: "1000.5", amount_xof: "1001" }) }],
      [3, "I-MISS", { ok: false, reason: "MISSING_FIELD", detail: "required fields fee_code, amount empty" }],
      [4, "I-DATE", { ok: false, reason: "BAD_DATE", detail: 'issued_at "05/13/2024 08:30": not a date-time (YYYY-MM-DD HH:MM[:SS], DD/MM/YYYY HH:MM, or ISO 8601 with an offset)' }],
      [5, "I-NUM", { ok: false, reason: "BAD_NUMBER", detail: 'amount "1,000": not a number written with a decimal point and no thousands separator (the "," dialect)' }],
      [6, "I-FEE", { ok: false, reason: "UNKNOWN_FEE_CODE", detail: `fee_code "PARKING": not one of ${feeCodes}`, candidate: invoice({ ...base, invoice_no: "I-FEE", fee_code: "PARKING" }) }],
      [7, "I-CUR", { ok: false, reason: "UNKNOWN_CURRENCY", detail: 'currency "USD": must be XOF or EUR', candidate: invoice({ ...base, invoice_no: "I-CUR", currency: "USD", amount_xof: "" }) }],
      [
        8,
        "I-CRED",
        { ok: false, reason: "CREDIT_WITHOUT_REFERENCE", detail: 'amount "-1000" is negative but credit_note_of is empty', candidate: invoice({ ...base, invoice_no: "I-CRED", amount: "-1000", amount_xof: "-1000" }) },
      ],
      [9, "I-ZERO", { ok: true, row: invoice({ ...base, invoice_no: "I-ZERO", amount: "0", currency: "EUR", amount_xof: "0", country: "", credit_note_of: "I-OK" }) }],
      [10, null, { ok: false, reason: "MALFORMED", detail: "11 fields where the header has 10" }],
      [11, "I-FIRST", { ok: false, reason: "UNKNOWN_FEE_CODE", detail: `fee_code "PARKING": not one of ${feeCodes}`, candidate: invoice({ ...base, invoice_no: "I-FIRST", fee_code: "PARKING", amount: "-1000", currency: "USD", amount_xof: "" }) }],
    ]);
    expect(records[8]?.raw).toBe("I-MAL,2024-10-05 08:30,STORAGE,1000,XOF,ML,,,,,");
  });

  it("reads the `;` dialect's numbers strictly: a point or badly grouped thousands is BAD_NUMBER", async () => {
    const file = Buffer.from(`${HEADER.replaceAll(",", ";")}\nA;04/10/2024 09:00;THC;1.5;XOF;;;;;\nB;04/10/2024 09:00;THC;12 34;XOF;;;;;\nC;04/10/2024 09:00;THC;0,5;EUR;;;;;\n`);
    const records = await parse(file);
    expect(records.map((record) => record.outcome)).toEqual([
      { ok: false, reason: "BAD_NUMBER", detail: 'amount "1.5": not a number written with a decimal comma and optional space thousands groups (the ";" dialect)' },
      { ok: false, reason: "BAD_NUMBER", detail: 'amount "12 34": not a number written with a decimal comma and optional space thousands groups (the ";" dialect)' },
      { ok: true, row: invoice({ invoice_no: "C", issued_at: "2024-10-04 09:00:00", fee_code: "THC", amount: "0.5", currency: "EUR", amount_xof: "328" }) },
    ]);
  });
});
