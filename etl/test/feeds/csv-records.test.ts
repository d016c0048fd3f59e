import { describe, expect, it } from "vitest";
import { UnreadableFileError } from "../../src/core/types.js";
import { csvEncoding, CsvTokenizer, headerDelimiter, readCsvRecords, type CsvRecord, type CsvRow } from "../../src/feeds/csv/csv-records.js";

const COMMA = 0x2c;
const SEMICOLON = 0x3b;

/** A re-iterable byte source, as openBytes gives: each pass yields the buffer again, in small chunks to hit every boundary. */
function byteSource(bytes: Buffer, chunkSize = 7): AsyncIterable<Buffer> {
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    },
  };
}

function tokenize(text: string, delimiter: number, chunkSize: number): CsvRow[] {
  const tokenizer = new CsvTokenizer(delimiter);
  const rows: CsvRow[] = [];
  for (let i = 0; i < text.length; i += chunkSize) tokenizer.push(text.slice(i, i + chunkSize), rows);
  tokenizer.end(rows);
  return rows;
}

async function records<C extends string>(bytes: Buffer, columns: readonly C[], chunkSize = 7): Promise<CsvRecord<C>[]> {
  const out: CsvRecord<C>[] = [];
  for await (const record of readCsvRecords(byteSource(bytes, chunkSize), columns, "test.csv")) out.push(record);
  return out;
}

/** Windows-1252 bytes: Latin-1 for the text, plus the bytes Latin-1 lacks (0x80 is €). */
const cp1252 = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))));

describe("CsvTokenizer", () => {
  const quoted = 'id;name;note\r\n1;"STELLA; ""II"", the\r\nsecond line";x\r\n2;plain;"a,b"\r\n';

  it("reads quoted fields holding the delimiter, a comma, doubled quotes and a line break, and numbers lines across them", () => {
    expect(tokenize(quoted, SEMICOLON, 1000)).toEqual([
      { line: 1, raw: "id;name;note", fields: ["id", "name", "note"], problem: null },
      { line: 2, raw: '1;"STELLA; ""II"", the\r\nsecond line";x', fields: ["1", 'STELLA; "II", the\r\nsecond line', "x"], problem: null },
      { line: 4, raw: '2;plain;"a,b"', fields: ["2", "plain", "a,b"], problem: null },
    ]);
  });

  it("gives the same rows whatever the chunk boundaries", () => {
    const whole = tokenize(quoted, SEMICOLON, quoted.length);
    for (let size = 1; size <= 16; size++) expect(tokenize(quoted, SEMICOLON, size), `chunks of ${size}`).toEqual(whole);
  });

  it("ends rows at LF or CRLF, keeps the last row without a terminator, and keeps blank lines as empty rows", () => {
    const rows = tokenize("a,b\n\r\n1,2\r\n3,4", COMMA, 3);
    expect(rows.map((row) => [row.line, row.raw, row.fields])).toEqual([
      [1, "a,b", ["a", "b"]],
      [2, "", [""]],
      [3, "1,2", ["1", "2"]],
      [4, "3,4", ["3", "4"]],
    ]);
  });

  it("allows spaces around a quoted field and takes a quote inside an unquoted field literally", () => {
    expect(tokenize(' "a" , 12" pipe ,"" \n', COMMA, 2)[0]?.fields).toEqual(["a", ' 12" pipe ', ""]);
  });

  it("reports text after a closing quote, and a quote that never closes", () => {
    expect(tokenize('1,"ab"c,3\n4,5,6\n', COMMA, 4)).toEqual([
      { line: 1, raw: '1,"ab"c,3', fields: ["1", '"ab"c', "3"], problem: "text after the closing quote of field 2" },
      { line: 2, raw: "4,5,6", fields: ["4", "5", "6"], problem: null },
    ]);
    expect(tokenize('1,2,3\n4,"open\n5,6\n', COMMA, 4)).toEqual([
      { line: 1, raw: "1,2,3", fields: ["1", "2", "3"], problem: null },
      { line: 2, raw: '4,"open\n5,6', fields: ["4", "open\n5,6\n"], problem: "the quote opened in field 2 never closes" },
    ]);
  });
});

describe("headerDelimiter", () => {
  it("picks the delimiter the header line holds most of, outside quotes, once the line has ended", () => {
    expect(headerDelimiter("a;b;c\n1,5;2,5;3\n", false)).toBe(SEMICOLON);
    expect(headerDelimiter('"a;x",b,c\n', false)).toBe(COMMA);
    expect(headerDelimiter("\r\n  \na;b", false)).toBeNull();
    expect(headerDelimiter("\r\n  \na;b", true)).toBe(SEMICOLON);
    expect(headerDelimiter("a,b", true)).toBe(COMMA);
  });
});

describe("readCsvRecords", () => {
  const columns = ["id", "name", "qty"] as const;

  it("maps columns by name whatever their case, order, quotes and padding, and ignores unknown columns", async () => {
    const file = Buffer.from(' QTY ;"Name";extra; Id \n 5 ; Société ;zz;A1 \n');
    const read = await records(file, columns);
    expect(read).toEqual([{ index: 1, line: 2, raw: " 5 ; Société ;zz;A1 ", dialect: expect.objectContaining({ delimiter: ";", decimalMark: "comma" }), values: { id: "A1", name: "Société", qty: "5" }, problem: null }]);
  });

  it("skips blank lines without counting them as records, but keeps counting lines", async () => {
    const file = Buffer.from("\nid,name,qty\n\n1,a,1\n   \r\n\r\n2,b,2\n\n");
    const read = await records(file, columns);
    expect(read.map((record) => [record.index, record.line, record.values?.id])).toEqual([
      [1, 4, "1"],
      [2, 7, "2"],
    ]);
    expect(read[0]?.dialect.delimiter).toBe(",");
  });

  it("reports a row whose field count differs from the header's", async () => {
    const read = await records(Buffer.from("id,name,qty\n1,a\n2,b,2,extra\n3,c,3\n"), columns);
    expect(read.map((record) => [record.index, record.line, record.raw, record.problem])).toEqual([
      [1, 2, "1,a", "2 fields where the header has 3"],
      [2, 3, "2,b,2,extra", "4 fields where the header has 3"],
      [3, 4, "3,c,3", null],
    ]);
  });

  it("refuses a header that lacks a column, names one twice, or is absent", async () => {
    await expect(records(Buffer.from("name,other\n1,2\n"), columns)).rejects.toThrow(new UnreadableFileError("test.csv: header line 1 lacks columns id, qty"));
    await expect(records(Buffer.from("id,name,qty,ID\n"), columns)).rejects.toThrow(new UnreadableFileError("test.csv: header line 1 names id more than once"));
    await expect(records(Buffer.from("\n \r\n"), columns)).rejects.toThrow(new UnreadableFileError("test.csv: no header line"));
    await expect(records(Buffer.alloc(0), columns)).rejects.toBeInstanceOf(UnreadableFileError);
  });

  it("reads a file with a header only as no records", async () => {
    expect(await records(Buffer.from("id;name;qty"), columns)).toEqual([]);
  });
});

describe("CSV encodings", () => {
  const columns = ["id", "name"] as const;
  const names = async (bytes: Buffer, chunkSize = 7) => (await records(bytes, columns, chunkSize)).map((record) => record.values?.name);

  it("takes a BOM to mean UTF-8 and strips it before the header", async () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("ID;NAME\r\n1;Société Générale d'Import-Export du Faso\r\n")]);
    expect(await csvEncoding(byteSource(file))).toBe("utf-8");
    expect(await names(file)).toEqual(["Société Générale d'Import-Export du Faso"]);
  });

  it("reads UTF-8 without a BOM, a multi-byte character split across chunks at any point", async () => {
    const file = Buffer.from("id,name\n1,Établissements Zongo & Frères €\n");
    for (let size = 1; size <= 9; size++) expect(await names(file, size), `chunks of ${size}`).toEqual(["Établissements Zongo & Frères €"]);
  });

  it("reads Windows-1252: é, the no-break space and €", async () => {
    const file = cp1252("id;name\n1;Soci\u00e9t\u00e9 G\u00e9n\u00e9rale d'Import-Export du Faso\n2;2\u00a0450 ", [0x80], "\n");
    expect(await csvEncoding(byteSource(file))).toBe("windows-1252");
    expect(await names(file)).toEqual(["Société Générale d'Import-Export du Faso", "2\u00a0450 €"]);
  });

  it("decides on the whole file: UTF-8 whose only non-ASCII bytes come after 300 KB stays UTF-8", async () => {
    const filler = Array.from({ length: 20_000 }, (_, i) => `${i},plain ascii name\n`).join("");
    const file = Buffer.from(`id,name\n${filler}20000,Société\n`, "utf8");
    expect(Buffer.byteLength(filler)).toBeGreaterThan(300_000);
    const read = await records(file, columns, 64 * 1024);
    expect(read.length).toBe(20_001);
    expect(read.at(-1)?.values?.name).toBe("Société");
  });

  it("decides on the whole file: Windows-1252 whose first 300 KB are ASCII stays Windows-1252", async () => {
    const filler = Array.from({ length: 20_000 }, (_, i) => `${i},plain ascii name\n`).join("");
    const file = cp1252(`id,name\n${filler}20000,Soci\u00e9t\u00e9\n`);
    expect(await csvEncoding(byteSource(file, 64 * 1024))).toBe("windows-1252");
    const read = await records(file, columns, 64 * 1024);
    expect(read.at(-1)?.values?.name).toBe("Société");
    expect(read[0]?.values?.name).toBe("plain ascii name");
  });
});
