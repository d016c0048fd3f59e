import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { UnreadableFileError, type Office, type ParseContext, type ReferenceData, type SourceRecord } from "../../src/core/types.js";
import { parseContainerEvents } from "../../src/feeds/container-events/parse.js";
import type { ContainerEventRow } from "../../src/feeds/container-events/row.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const samples = path.join(here, "../fixtures/samples");
const fixtures = path.join(here, "../fixtures/edifact");
const officesCsv = path.join(here, "../../../warehouse/reference/offices.csv");

function referenceData(): ReferenceData {
  const offices = new Map<string, Office>();
  const [header = "", ...lines] = fs.readFileSync(officesCsv, "utf8").trim().split(/\r?\n/u);
  const columns = header.split(",");
  for (const line of lines) {
    const cells = line.split(",");
    const cell = (name: string) => cells[columns.indexOf(name)] ?? "";
    offices.set(cell("code"), { code: cell("code"), country: cell("country"), kind: cell("kind"), timezone: cell("timezone") });
  }
  return { offices, routes: new Map(), terminals: new Set(["LCT", "TTL", "QCONV", "QMIN", "JETTY"]), feeCodes: new Set(), taxCodes: new Set() };
}

const context: ParseContext = { reference: referenceData(), fileName: "test.edi" };

/** A file as the loader hands it over: every iteration reads it again from the start, in small chunks. */
function byteSource(content: Buffer, chunkSize = 64): AsyncIterable<Buffer> {
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < content.length; i += chunkSize) yield content.subarray(i, i + chunkSize);
    },
  };
}

async function parse(content: Buffer, chunkSize?: number): Promise<SourceRecord<ContainerEventRow>[]> {
  const records: SourceRecord<ContainerEventRow>[] = [];
  for await (const record of parseContainerEvents(byteSource(content, chunkSize), context)) records.push(record);
  return records;
}

const file = (dir: string, name: string) => fs.readFileSync(path.join(dir, name));

function rowOf(record: SourceRecord<ContainerEventRow> | undefined): ContainerEventRow {
  if (!record?.outcome.ok) throw new Error(`record ${record?.index} is not loaded: ${JSON.stringify(record?.outcome)}`);
  return record.outcome.row;
}

const reasons = (records: readonly SourceRecord<ContainerEventRow>[]) => records.map((r) => (r.outcome.ok ? "ok" : r.outcome.reason));

describe("container events: the samples", () => {
  it("reads the LCT file: 4 discharges, 3 gate-outs, and the gate-in with a bad check digit", async () => {
    const records = await parse(file(samples, "20241010T0600_LCT_EDI.edi"));
    expect(records.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(reasons(records)).toEqual(["ok", "ok", "ok", "ok", "ok", "ok", "ok", "BAD_CHECK_DIGIT"]);
    expect(records.slice(0, 7).map((r) => [rowOf(r).container_no, rowOf(r).event, rowOf(r).event_at])).toEqual([
      ["WHLU5120381", "DISCHARGE", "2024-10-02 18:10:00"],
      ["KKFU7731200", "DISCHARGE", "2024-10-02 18:40:00"],
      ["NYKU4409151", "DISCHARGE", "2024-10-02 21:05:00"],
      ["UACU8807341", "DISCHARGE", "2024-10-02 22:30:00"],
      ["NYKU4409151", "GATE_OUT", "2024-10-07 08:05:00"],
      ["WHLU5120381", "GATE_OUT", "2024-10-08 10:10:00"],
      ["KKFU7731200", "GATE_OUT", "2024-10-09 12:40:00"],
    ]);
    expect(rowOf(records[0])).toEqual({
      container_no: "WHLU5120381",
      event: "DISCHARGE",
      event_at: "2024-10-02 18:10:00",
      message_type: "COARRI",
      terminal: "LCT",
      size_type: "45G1",
      teu: "2",
      status: 3,
      full: 1,
      bill_of_lading: "SAFLFW24001",
      gross_kg: "26000",
      seal: "A4471",
      voyage: "041N",
      vessel_imo: "9387425",
      vessel_name: "HORIZON ATLANTIQUE",
      carrier: "SAF",
      haulier: "",
      truck_plate: "",
      delivery_office: "BFOUA",
      interchange_ref: "77001",
      message_ref: "1",
    });
    expect(records[0]?.key).toBe("WHLU5120381|DISCHARGE|2024-10-02 18:10:00");
    expect(records[0]?.position).toEqual({ message: 1, segment: 7, line: 8 });
    expect(records[0]?.raw).toBe("EQD+CN+WHLU5120381+45G1:102:5++3+5'RFF+BM:SAFLFW24001'DTM+203:202410021810:203'MEA+AAE+G+KGM:26000'SEL+A4471'LOC+7+BFOUA'");
    expect(rowOf(records[3])).toMatchObject({ container_no: "UACU8807341", size_type: "22G1", teu: "1", status: 6, full: 1, delivery_office: "", seal: "" });
    expect(rowOf(records[4])).toMatchObject({
      message_type: "CODECO",
      haulier: "Société Nigérienne de Transport",
      truck_plate: "NE-4A-2231",
      delivery_office: "NENIM",
      voyage: "",
      vessel_imo: "",
      message_ref: "2",
    });
    expect(rowOf(records[5]).haulier).toBe("Transports Zongo + Fils");
    expect(records[5]?.raw).toContain("TDT+1++3+31+Transports Zongo ?+ Fils+++BF-11-KT-5120'");

    const bad = records[7];
    expect(bad?.position).toEqual({ message: 3, segment: 56, line: 57 });
    expect(bad?.key).toBe("TRLU1234562|GATE_IN|2024-10-09 14:55:00");
    expect(bad?.raw).toBe("EQD+CN+TRLU1234562+22G1:102:5++2+4'DTM+7:202410091455:203'MEA+AAE+G+KGM:2200'TDT+1++3+31+Trans-Maritime Lomé+++TG-3390-KA'");
    expect(bad?.outcome).toMatchObject({
      ok: false,
      reason: "BAD_CHECK_DIGIT",
      candidate: { container_no: "TRLU1234562", event: "GATE_IN", status: 2, full: 0, teu: "1", gross_kg: "2200", bill_of_lading: "", haulier: "Trans-Maritime Lomé" },
    });
  });

  it("reads the TTL file: no UNA, UNOA, every segment on line 1, an escaped apostrophe", async () => {
    const records = await parse(file(samples, "20241020T0600_TTL_EDI.edi"));
    expect(reasons(records)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(records.map((r) => [r.position.message, r.position.segment, r.position.line])).toEqual([
      [1, 6, 1],
      [2, 16, 1],
      [3, 26, 1],
      [3, 30, 1],
      [4, 38, 1],
    ]);
    expect(records.map((r) => r.key)).toEqual([
      "SUDU6620456|DISCHARGE|2024-10-15 13:20:00",
      "SEKU4471023|GATE_IN|2024-10-12 09:30:00",
      "UACU8807341|LOAD|2024-10-15 19:00:00",
      "SEKU4471023|LOAD|2024-10-16 08:15:00",
      "SUDU6620456|GATE_OUT|2024-10-19 15:20:00",
    ]);
    expect(rowOf(records[0])).toEqual({
      container_no: "SUDU6620456",
      event: "DISCHARGE",
      event_at: "2024-10-15 13:20:00",
      message_type: "COARRI",
      terminal: "TTL",
      size_type: "42G1",
      teu: "2",
      status: 3,
      full: 1,
      bill_of_lading: "GDL24LFW0316",
      gross_kg: "21000",
      seal: "77120",
      voyage: "118S",
      vessel_imo: "9551208",
      vessel_name: "GRANDE DAKAR",
      carrier: "GDL",
      haulier: "",
      truck_plate: "",
      delivery_office: "MLBKO",
      interchange_ref: "88042",
      message_ref: "1",
    });
    expect(rowOf(records[1])).toMatchObject({ event: "GATE_IN", status: 2, full: 1, bill_of_lading: "", seal: "BF2024118", haulier: "D'ALMEIDA TRANSPORT", truck_plate: "BF-11-LM-4407", delivery_office: "" });
    expect(records[1]?.raw).toContain("TDT+1++3+31+D?'ALMEIDA TRANSPORT+++BF-11-LM-4407'");
    expect(rowOf(records[2])).toMatchObject({ event: "LOAD", status: 6, teu: "1", voyage: "118S", message_ref: "3" });
    expect(rowOf(records[4])).toMatchObject({ event: "GATE_OUT", haulier: "TRAORE ET FILS SA", truck_plate: "ML-AB-7720-MD", delivery_office: "MLBKO", message_ref: "4" });
  });

  it("gives the same records when the bytes come 5 at a time", async () => {
    for (const name of ["20241010T0600_LCT_EDI.edi", "20241020T0600_TTL_EDI.edi"]) {
      expect(await parse(file(samples, name), 5), name).toEqual(await parse(file(samples, name), 1 << 16));
    }
  });
});

describe("container events: separators", () => {
  it("reads the LCT file written with UNA|*,# \" separators, CR LF and a decimal comma as the default one", async () => {
    const custom = await parse(file(fixtures, "custom-separators.edi"), 5);
    const standard = await parse(file(samples, "20241010T0600_LCT_EDI.edi"));
    expect(custom.map((r) => ({ ...r, raw: "" }))).toEqual(standard.map((r) => ({ ...r, raw: "" })));
    expect(custom[0]?.raw).toBe('EQD*CN*WHLU5120381*45G1|102|5**3*5"RFF*BM|SAFLFW24001"DTM*203|202410021810|203"MEA*AAE*G*KGM|26000,0"SEL*A4471"LOC*7*BFOUA"');
  });

  it("keeps release characters in raw and removes them from values", async () => {
    const content = Buffer.from(
      [
        "UNA|*.# '",
        "UNB*UNOA|3*LCT*PALOME*241010|0600*77001'",
        "UNH*1*CODECO|D|95B|UN|ITG14'",
        "BGM*36*LCT2410090002*9'",
        "LOC*165*LCT'",
        "EQD*CN*WHLU5120381*45G1|102|5**3*5'",
        "RFF*BM|SAF#*24#|01'",
        "DTM*7|202410081010|203'",
        "TDT*1**3*31*D#'ALMEIDA ## FILS***BF-11'",
        "UNT*8*1'",
        "UNZ*1*77001'",
        "",
      ].join("\n"),
      "latin1",
    );
    const [record] = await parse(content, 5);
    expect(rowOf(record)).toMatchObject({ bill_of_lading: "SAF*24|01", haulier: "D'ALMEIDA # FILS", truck_plate: "BF-11" });
    expect(record?.raw).toBe("EQD*CN*WHLU5120381*45G1|102|5**3*5'RFF*BM|SAF#*24#|01'DTM*7|202410081010|203'TDT*1**3*31*D#'ALMEIDA ## FILS***BF-11'");
  });
});

describe("container events: trailer counts", () => {
  it("refuses every group of a message whose UNT count is wrong, and only those", async () => {
    const records = await parse(file(fixtures, "wrong-unt.edi"), 5);
    expect(reasons(records)).toEqual(["ok", "BAD_UNT_COUNT", "BAD_UNT_COUNT", "ok"]);
    expect(records.map((r) => r.position)).toEqual([
      { message: 1, segment: 6, line: 6 },
      { message: 2, segment: 13, line: 13 },
      { message: 2, segment: 16, line: 16 },
      { message: 3, segment: 23, line: 23 },
    ]);
    // The count wins over the group's own fault (a negative weight), and keeps the key for the load report.
    expect(records[2]?.outcome).toEqual({ ok: false, reason: "BAD_UNT_COUNT", detail: 'UNT counts "9" segments, message 2 has 10 (UNH and UNT included)' });
    expect(records[2]?.key).toBe("NYKU4409151|GATE_OUT|2024-11-03 10:00:00");
    expect(rowOf(records[3])).toMatchObject({ container_no: "TRLU1234567", event: "GATE_IN", status: 2, full: 0, gross_kg: null, interchange_ref: "77100", message_ref: "3" });
  });

  it("refuses every group of an interchange whose UNZ count is wrong, even over a wrong UNT, and leaves the next interchange alone", async () => {
    const records = await parse(file(fixtures, "wrong-unz.edi"), 5);
    expect(reasons(records)).toEqual(["BAD_UNZ_COUNT", "BAD_UNZ_COUNT", "BAD_UNZ_COUNT", "ok"]);
    expect(records[0]?.outcome).toMatchObject({ detail: 'UNZ counts "1" messages, interchange 88100 has 2' });
    expect(records[3]?.position).toEqual({ message: 3, segment: 21, line: 22 });
    expect(rowOf(records[3])).toMatchObject({ container_no: "SEKU4471023", event: "GATE_IN", event_at: "2024-11-02 14:00:00", interchange_ref: "88101", message_ref: "1" });
  });

  it("takes a missing trailer for a wrong count", async () => {
    const truncated = file(samples, "20241010T0600_LCT_EDI.edi").toString("latin1").replace("UNT+9+3'\nUNZ+3+77001'\n", "");
    const records = await parse(Buffer.from(truncated, "latin1"));
    expect(records).toHaveLength(8);
    expect(new Set(reasons(records))).toEqual(new Set(["BAD_UNZ_COUNT"]));
    expect(records[7]?.outcome).toMatchObject({ detail: "interchange 77001: the file ends before its UNZ" });

    const withoutUnt = file(samples, "20241010T0600_LCT_EDI.edi").toString("latin1").replace("UNT+9+3'\n", "");
    expect(reasons(await parse(Buffer.from(withoutUnt, "latin1")))).toEqual(["ok", "ok", "ok", "ok", "ok", "ok", "ok", "BAD_UNT_COUNT"]);
  });
});

describe("container events: group checks", () => {
  it("refuses a group for its first fault, in the contract's order, with the parsed row when only a check failed", async () => {
    const records = await parse(file(fixtures, "group-checks.edi"), 5);
    const summary = records.map((r) => [r.position.segment, r.outcome.ok ? "ok" : r.outcome.reason, !r.outcome.ok && r.outcome.candidate !== undefined, r.key]);
    expect(summary).toEqual([
      [6, "ok", false, "WHLU5120381|DISCHARGE|2024-11-03 06:00:00"],
      [9, "UNKNOWN_SIZE_TYPE", true, "KKFU7731200|DISCHARGE|2024-11-03 06:10:00"],
      [11, "NEGATIVE_QUANTITY", true, "NYKU4409151|DISCHARGE|2024-11-03 06:20:00"],
      [14, "MISSING_FIELD", false, null],
      [17, "BAD_DATE", false, null],
      [19, "BAD_NUMBER", false, "SEKU4471023|DISCHARGE|2024-11-03 06:50:00"],
      [22, "UNKNOWN_OFFICE", true, "TRLU1234567|DISCHARGE|2024-11-03 07:00:00"],
      [29, "UNKNOWN_TERMINAL", true, "WHLU5120381|LOAD|2024-11-03 08:00:00"],
      [35, "MALFORMED", false, null],
      [41, "BAD_CHECK_DIGIT", true, "TRLU1234562|GATE_IN|2024-11-03 10:00:00"],
      [43, "MISSING_FIELD", false, null],
    ]);
    expect(rowOf(records[0]).gross_kg).toBe("26000.5");
    const detail = (i: number) => (records[i]?.outcome.ok === false ? records[i].outcome.detail : "");
    expect(detail(1)).toContain('"92G1"');
    expect(detail(2)).toContain("-27000");
    expect(detail(3)).toBe("DTM+203 event time is missing");
    expect(detail(4)).toContain('"202402301200"');
    expect(detail(5)).toContain('"12O00"');
    expect(detail(6)).toContain('"BFXXX"');
    expect(detail(7)).toContain('"PAL"');
    expect(detail(8)).toBe('BGM code "44" does not fit a CODECO message (34 or 36)');
    expect(detail(10)).toBe("EQD container number is missing");
    expect(records[2]?.outcome).toMatchObject({ candidate: { container_no: "NYKU4409151", gross_kg: "-27000", teu: "2" } });
  });
});

describe("container events: malformed groups", () => {
  it("refuses a group outside a message, a message type other than COARRI or CODECO, and codes outside the lists", async () => {
    const content = [
      "UNB+UNOA:3+LCT+PALOME+241104:0600+77300'",
      "EQD+CN+WHLU5120381+45G1:102:5++3+5'",
      "UNH+1+BAPLIE:D:95B:UN'",
      "BGM+44+LCT2411040001+9'",
      "LOC+165+LCT'",
      "EQD+CN+WHLU5120381+45G1:102:5++3+5'",
      "DTM+203:202411040600:203'",
      "UNT+6+1'",
      "UNH+2+COARRI:D:95B:UN:ITG13'",
      "BGM+44+LCT2411040002+9'",
      "LOC+165+LCT'",
      "EQD+CN+WHLU5120381+45G1:102:5++9+5'",
      "DTM+203:202411040600:203'",
      "EQD+CN+WHLU5120381+45G1:102:5++3+7'",
      "DTM+203:202411040610:203'",
      "UNT+8+2'",
      "UNZ+2+77300'",
    ].join("\n");
    const records = await parse(Buffer.from(content, "latin1"));
    expect(records.map((r) => [r.position, r.outcome.ok ? "ok" : r.outcome.reason, r.outcome.ok ? "" : r.outcome.detail])).toEqual([
      [{ message: 0, segment: 2, line: 2 }, "MALFORMED", "container group outside a message (no UNH before it)"],
      [{ message: 1, segment: 6, line: 6 }, "MALFORMED", 'message type "BAPLIE" is neither COARRI nor CODECO'],
      [{ message: 2, segment: 12, line: 12 }, "MALFORMED", 'EQD status "9" is not 2, 3 or 6'],
      [{ message: 2, segment: 14, line: 14 }, "MALFORMED", 'EQD full/empty indicator "7" is not 4 or 5'],
    ]);
    expect(records[0]?.raw).toBe("EQD+CN+WHLU5120381+45G1:102:5++3+5'");
  });
});

describe("container events: unreadable files", () => {
  it("throws UnreadableFileError when the file does not start with UNA or UNB, or has no UNB", async () => {
    await expect(parse(Buffer.from("UNH+1+COARRI:D:95B:UN:ITG13'BGM+44+X+9'UNT+3+1'"))).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(parse(Buffer.from("UNA:+.? '\nUNH+1+COARRI:D:95B:UN:ITG13'"))).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(parse(Buffer.from("call_id,vessel_name\n"))).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(parse(Buffer.alloc(0))).rejects.toBeInstanceOf(UnreadableFileError);
  });
});

describe("container events: size", () => {
  it("streams an interchange of 200 000 container groups, yielding before it has read the file to the end", async () => {
    const groups = 200_000;
    const perBatch = 1_000;
    const group = (n: number) =>
      `EQD+CN+WHLU5120381+45G1:102:5++3+5'\nRFF+BM:BL${n}'\nDTM+203:${202410020000 + (n % 24) * 100 + (n % 60)}:203'\nMEA+AAE+G+KGM:${20000 + (n % 5000)}'\nSEL+S${n}'\n`;
    const header = "UNA:+.? '\nUNB+UNOC:3+LCT+PALOME+241010:0600+99001'\nUNH+1+COARRI:D:95B:UN:ITG13'\nBGM+44+LCT2410030001+9'\nLOC+165+LCT'\n";
    const segments = 3 + groups * 5 + 1;
    const trailer = `UNT+${segments}+1'\nUNZ+1+99001'\n`;
    let readsStarted = 0;
    let readsFinished = 0;
    const source: AsyncIterable<Buffer> = {
      async *[Symbol.asyncIterator]() {
        readsStarted++;
        yield Buffer.from(header, "latin1");
        for (let first = 0; first < groups; first += perBatch) {
          let text = "";
          for (let n = first; n < first + perBatch; n++) text += group(n);
          yield Buffer.from(text, "latin1");
        }
        yield Buffer.from(trailer, "latin1");
        readsFinished++;
      },
    };
    let count = 0;
    let loaded = 0;
    let last: SourceRecord<ContainerEventRow> | undefined;
    for await (const record of parseContainerEvents(source, context)) {
      if (count === 0) {
        // Charset sniff, count pass, then records while the last pass is still reading.
        expect(readsStarted).toBe(3);
        expect(readsFinished).toBe(1);
      }
      count++;
      if (record.outcome.ok) loaded++;
      last = record;
    }
    expect(count).toBe(groups);
    expect(loaded).toBe(groups);
    expect(last?.index).toBe(groups);
    expect(last?.position).toEqual({ message: 1, segment: 5 + (groups - 1) * 5, line: 6 + (groups - 1) * 5 });
    expect(rowOf(last)).toMatchObject({ bill_of_lading: `BL${groups - 1}`, seal: `S${groups - 1}`, interchange_ref: "99001" });
  });
});
