import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UnreadableFileError, type ParseContext, type ReferenceData, type SourceRecord } from "../../src/core/types.js";
import { parseVesselCalls } from "../../src/feeds/vessel-calls/parse.js";
import type { VesselCallRow } from "../../src/feeds/vessel-calls/row.js";

const reference: ReferenceData = {
  offices: new Map(),
  routes: new Map(),
  terminals: new Set(["LCT", "TTL", "QCONV", "QMIN", "JETTY"]),
  feeCodes: new Set(["PORT_DUES", "THC", "STORAGE", "SCANNING", "PCJ_LEVY", "PILOTAGE", "TOWAGE", "BERTH_DUES"]),
  taxCodes: new Set(["DD", "RS", "PC", "PCS", "TVA", "GAR"]),
};

const HEADER = "call_id,vessel_name,imo,voyage,terminal,arrived_at,berthed_at,departed_at,teu_discharged,teu_loaded,tonnes_discharged,tonnes_loaded";

/** A re-iterable byte source, as openBytes gives: each pass yields the buffer again, in small chunks to hit every boundary. */
function byteSource(bytes: Buffer, chunkSize = 7): AsyncIterable<Buffer> {
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    },
  };
}

async function parse(bytes: Buffer, fileName = "test.csv", chunkSize = 7): Promise<SourceRecord<VesselCallRow>[]> {
  const context: ParseContext = { reference, fileName };
  const out: SourceRecord<VesselCallRow>[] = [];
  for await (const record of parseVesselCalls(byteSource(bytes, chunkSize), context)) out.push(record);
  return out;
}

const sample = (name: string) => readFileSync(new URL(`../fixtures/samples/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));
const at = (line: number) => ({ line, message: 0, segment: 0 });
const rowsOf = (records: SourceRecord<VesselCallRow>[]) => records.map((record) => (record.outcome.ok ? record.outcome.row : null));

describe("parseVesselCalls on the samples", () => {
  it("reads escales_A: two calls, and line 4 refused for its IMO check digit with the parsed row kept", async () => {
    const records = await parse(sample("20241016T0700_PAL_escales_A.csv"), "20241016T0700_PAL_escales_A.csv");
    expect(records).toEqual([
      {
        index: 1,
        position: at(2),
        raw: "LFW-24-3107,HORIZON ATLANTIQUE,9387425,041N,LCT,2024-10-02 06:00,2024-10-02 14:30,2024-10-04 02:00,6,0,85.5,0",
        key: "LFW-24-3107",
        outcome: {
          ok: true,
          row: {
            call_id: "LFW-24-3107",
            vessel_name: "HORIZON ATLANTIQUE",
            imo: "9387425",
            voyage: "041N",
            terminal: "LCT",
            arrived_at: "2024-10-02 06:00:00",
            berthed_at: "2024-10-02 14:30:00",
            departed_at: "2024-10-04 02:00:00",
            teu_discharged: "6",
            teu_loaded: "0",
            tonnes_discharged: "85.5",
            tonnes_loaded: "0",
          },
        },
      },
      {
        index: 2,
        position: at(3),
        raw: "LFW-24-3112,GRANDE DAKAR,9551208,118S,TTL,2024-10-14 22:00,2024-10-15 10:00,,2,0,21.0,0",
        key: "LFW-24-3112",
        outcome: {
          ok: true,
          row: {
            call_id: "LFW-24-3112",
            vessel_name: "GRANDE DAKAR",
            imo: "9551208",
            voyage: "118S",
            terminal: "TTL",
            arrived_at: "2024-10-14 22:00:00",
            berthed_at: "2024-10-15 10:00:00",
            departed_at: null,
            teu_discharged: "2",
            teu_loaded: "0",
            tonnes_discharged: "21",
            tonnes_loaded: "0",
          },
        },
      },
      {
        index: 3,
        position: at(4),
        raw: 'LFW-24-3109,"STELLA, II",9316600,V12,QCONV,2024-10-03 04:10,2024-10-03 09:00,2024-10-05 17:30,0,0,1250.0,0',
        key: "LFW-24-3109",
        outcome: {
          ok: false,
          reason: "BAD_IMO",
          detail: 'imo "9316600": check digit should be 8',
          candidate: {
            call_id: "LFW-24-3109",
            vessel_name: "STELLA, II",
            imo: "9316600",
            voyage: "V12",
            terminal: "QCONV",
            arrived_at: "2024-10-03 04:10:00",
            berthed_at: "2024-10-03 09:00:00",
            departed_at: "2024-10-05 17:30:00",
            teu_discharged: "0",
            teu_loaded: "0",
            tonnes_discharged: "1250",
            tonnes_loaded: "0",
          },
        },
      },
    ]);
  });

  it("reads escales_B (`;`, Windows-1252, DD/MM/YYYY, decimal commas): C2 now with its departure", async () => {
    const records = await parse(sample("20241017T0700_PAL_escales_B.csv"));
    expect(records).toEqual([
      {
        index: 1,
        position: at(2),
        raw: "LFW-24-3112;GRANDE DAKAR;9551208;118S;TTL;14/10/2024 22:00;15/10/2024 10:00;16/10/2024 20:00;2;3;21,0;36,0",
        key: "LFW-24-3112",
        outcome: {
          ok: true,
          row: {
            call_id: "LFW-24-3112",
            vessel_name: "GRANDE DAKAR",
            imo: "9551208",
            voyage: "118S",
            terminal: "TTL",
            arrived_at: "2024-10-14 22:00:00",
            berthed_at: "2024-10-15 10:00:00",
            departed_at: "2024-10-16 20:00:00",
            teu_discharged: "2",
            teu_loaded: "3",
            tonnes_discharged: "21",
            tonnes_loaded: "36",
          },
        },
      },
    ]);
  });
});

describe("parseVesselCalls dialects and layout", () => {
  it("gives identical rows for the same call written in either dialect, in either encoding", async () => {
    const comma = Buffer.from(`${HEADER}\nLFW-1,"CAFÉ ÉTOILE, II",9387425,V1,LCT,2024-10-02T07:00:00+01:00,2024-10-02 14:30,2024-10-04 02:00:00,1,0,1234.5,0.250\n`, "utf8");
    const semicolon = Buffer.from(`${HEADER.replaceAll(",", ";").toUpperCase()}\r\nLFW-1;CAF\u00c9 \u00c9TOILE, II;9387425;V1;LCT;02/10/2024 06:00;02/10/2024 14:30;04/10/2024 02:00;1;0;1\u00a0234,5;0,25\r\n`, "latin1");
    const [a, b] = [await parse(comma), await parse(semicolon)];
    expect(rowsOf(a)).toEqual(rowsOf(b));
    expect(rowsOf(a)).toEqual([
      {
        call_id: "LFW-1",
        vessel_name: "CAFÉ ÉTOILE, II",
        imo: "9387425",
        voyage: "V1",
        terminal: "LCT",
        arrived_at: "2024-10-02 06:00:00",
        berthed_at: "2024-10-02 14:30:00",
        departed_at: "2024-10-04 02:00:00",
        teu_discharged: "1",
        teu_loaded: "0",
        tonnes_discharged: "1234.5",
        tonnes_loaded: "0.25",
      },
    ]);
  });

  it("reads a quoted name holding `;`, `,`, `\"\"` and a line break, and numbers the next record's line past it", async () => {
    const file = Buffer.from(
      `${HEADER.replaceAll(",", ";")}\r\n` +
        `A;"STELLA; ""II"", the\r\nsecond";9387425;;QMIN;02/10/2024 06:00;02/10/2024 07:00;;0;0;1,5;0\r\n` +
        `\r\n` +
        `B;NEXT;9387425;;QMIN;02/10/2024 06:00;02/10/2024 07:00;;0;0;2;0\r\n`,
    );
    const records = await parse(file);
    expect(records.map((record) => [record.index, record.position.line, record.key])).toEqual([
      [1, 2, "A"],
      [2, 5, "B"],
    ]);
    expect(records[0]?.raw).toBe(`A;"STELLA; ""II"", the\r\nsecond";9387425;;QMIN;02/10/2024 06:00;02/10/2024 07:00;;0;0;1,5;0`);
    expect(rowsOf(records)[0]).toMatchObject({ vessel_name: 'STELLA; "II", the\r\nsecond', voyage: "", tonnes_discharged: "1.5" });
  });

  it("refuses a file whose header lacks a column, naming it", async () => {
    const file = Buffer.from(`${HEADER.replace("imo,", "").replace(",tonnes_loaded", "")}\n`);
    await expect(parse(file, "calls.csv")).rejects.toThrow(new UnreadableFileError("calls.csv: header line 1 lacks columns imo, tonnes_loaded"));
  });
});

describe("parseVesselCalls reasons", () => {
  it("gives each row of the reasons fixture its reason, detail, key and candidate", async () => {
    const records = await parse(fixture("vessel-calls-reasons.csv"));
    const good: VesselCallRow = {
      call_id: "V-OK",
      vessel_name: "GOOD SHIP",
      imo: "9387425",
      voyage: "",
      terminal: "JETTY",
      arrived_at: "2024-10-02 06:00:00",
      berthed_at: "2024-10-02 14:30:15",
      departed_at: null,
      teu_discharged: "1",
      teu_loaded: "2",
      tonnes_discharged: "3.5",
      tonnes_loaded: "4",
    };
    const ship = { ...good, vessel_name: "SHIP", voyage: "7N", terminal: "LCT", arrived_at: "2024-10-02 06:00:00", berthed_at: "2024-10-02 14:30:00", tonnes_discharged: "3" };
    expect(records.map((record) => [record.position.line, record.key, record.outcome])).toEqual([
      [2, "V-OK", { ok: true, row: good }],
      [3, null, { ok: false, reason: "MALFORMED", detail: "3 fields where the header has 12" }],
      [4, "V-MISS", { ok: false, reason: "MISSING_FIELD", detail: "required fields vessel_name, berthed_at empty" }],
      [5, "V-DATE", { ok: false, reason: "BAD_DATE", detail: 'arrived_at "2024-10-32 06:00": not a date-time (YYYY-MM-DD HH:MM[:SS], DD/MM/YYYY HH:MM, or ISO 8601 with an offset)' }],
      [6, "V-NUM", { ok: false, reason: "BAD_NUMBER", detail: 'tonnes_loaded "1e3": not a number written with a decimal point and no thousands separator (the "," dialect)' }],
      [7, "V-IMO", { ok: false, reason: "BAD_IMO", detail: 'imo "9316600": check digit should be 8', candidate: { ...ship, call_id: "V-IMO", imo: "9316600" } }],
      [8, "V-IMO6", { ok: false, reason: "BAD_IMO", detail: 'imo "931660": must be 7 digits', candidate: { ...ship, call_id: "V-IMO6", imo: "931660" } }],
      [9, "V-TERM", { ok: false, reason: "UNKNOWN_TERMINAL", detail: 'terminal "PIER9": not one of LCT, TTL, QCONV, QMIN, JETTY', candidate: { ...ship, call_id: "V-TERM", terminal: "PIER9" } }],
      [10, "V-NEG", { ok: false, reason: "NEGATIVE_QUANTITY", detail: 'teu_loaded "-2": must not be negative', candidate: { ...ship, call_id: "V-NEG", teu_loaded: "-2" } }],
      [11, "V-ORD1", { ok: false, reason: "BAD_TIME_ORDER", detail: 'berthed_at "2024-10-02 05:59" is before arrived_at "2024-10-02 06:00"', candidate: { ...ship, call_id: "V-ORD1", berthed_at: "2024-10-02 05:59:00" } }],
      [
        12,
        "V-ORD2",
        { ok: false, reason: "BAD_TIME_ORDER", detail: 'departed_at "2024-10-02 14:29" is before berthed_at "2024-10-02 14:30"', candidate: { ...ship, call_id: "V-ORD2", departed_at: "2024-10-02 14:29:00" } },
      ],
      [13, null, { ok: false, reason: "MISSING_FIELD", detail: "required field call_id empty" }],
      [14, "V-FIRST", { ok: false, reason: "BAD_NUMBER", detail: 'tonnes_discharged "x": not a number written with a decimal point and no thousands separator (the "," dialect)' }],
    ]);
    expect(records.map((record) => record.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(records[1]?.raw).toBe("V-MAL,TOO FEW,9387425");
  });

  it("checks in the contract's order: missing before dates, dates before numbers, IMO before terminal, codes before quantities and times", async () => {
    const reasonOf = async (row: string) => (await parse(Buffer.from(`${HEADER}\n${row}\n`)))[0]?.outcome;
    expect(await reasonOf("A,,9387425,,LCT,never,2024-10-02 07:00,,x,0,0,0")).toMatchObject({ reason: "MISSING_FIELD", detail: "required field vessel_name empty" });
    expect(await reasonOf("A,S,9387425,,LCT,2024-10-02 06:00,2024-10-02 07:00,later,x,0,0,0")).toMatchObject({ reason: "BAD_DATE", detail: expect.stringMatching(/^departed_at "later"/u) });
    expect(await reasonOf("A,S,9387420,,PIER,2024-10-02 06:00,2024-10-02 05:00,,-1,0,0,0")).toMatchObject({ reason: "BAD_IMO" });
    expect(await reasonOf("A,S,9387425,,PIER,2024-10-02 06:00,2024-10-02 05:00,,-1,0,0,0")).toMatchObject({ reason: "UNKNOWN_TERMINAL" });
    expect(await reasonOf("A,S,9387425,,LCT,2024-10-02 06:00,2024-10-02 05:00,,-1,0,0,0")).toMatchObject({ reason: "NEGATIVE_QUANTITY" });
    expect(await reasonOf("A,S,9387425,,LCT,2024-10-02 06:00,2024-10-02 06:00,2024-10-02 06:00,0,0,0,0")).toMatchObject({ ok: true });
  });
});

describe("parseVesselCalls on a large file", () => {
  it("streams 200 000 rows: the first record comes before the file has been read through", async () => {
    const rows = 200_000;
    const lines = [HEADER];
    const base = Date.UTC(2024, 0, 1);
    const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
    for (let i = 0; i < rows; i++) {
      const arrived = base + i * 60_000;
      lines.push(`C-${i},"SHIP ${i}, LTD",9387425,${i % 97}N,TTL,${stamp(arrived)},${stamp(arrived + 3_600_000)},,${i % 7},0,${i}.5,0`);
    }
    const file = Buffer.from(`${lines.join("\r\n")}\r\n`);
    let served = 0;
    let servedAtFirstRecord = -1;
    const source: AsyncIterable<Buffer> = {
      async *[Symbol.asyncIterator]() {
        served = 0;
        for (let i = 0; i < file.length; i += 64 * 1024) {
          const chunk = file.subarray(i, i + 64 * 1024);
          served += chunk.length;
          yield chunk;
        }
      },
    };
    let count = 0;
    let last: SourceRecord<VesselCallRow> | undefined;
    for await (const record of parseVesselCalls(source, { reference, fileName: "big.csv" })) {
      if (count === 0) servedAtFirstRecord = served;
      count++;
      if (!record.outcome.ok) throw new Error(`line ${record.position.line}: ${record.outcome.detail}`);
      last = record;
    }
    expect(count).toBe(rows);
    expect(servedAtFirstRecord).toBeGreaterThan(0);
    expect(servedAtFirstRecord).toBeLessThanOrEqual(64 * 1024);
    expect(last?.index).toBe(rows);
    expect(last?.position.line).toBe(rows + 1);
    expect(last?.outcome).toEqual({
      ok: true,
      row: {
        call_id: "C-199999",
        vessel_name: "SHIP 199999, LTD",
        imo: "9387425",
        voyage: "82N",
        terminal: "TTL",
        arrived_at: "2024-05-18 21:19:00",
        berthed_at: "2024-05-18 22:19:00",
        departed_at: null,
        teu_discharged: "2",
        teu_loaded: "0",
        tonnes_discharged: "199999.5",
        tonnes_loaded: "0",
      },
    });
  });
});
