import { describe, expect, it } from "vitest";
import { teuOfSizeType, validContainerNumber, validImo } from "../../src/core/check-digits.js";
import { detectFeed } from "../../src/core/detect-feed.js";
import { formatUtc, monthOf, parseTimestamp } from "../../src/core/local-time.js";
import { eurToXof, parseDecimal, roundHalfAwayFromZero } from "../../src/core/numbers.js";

describe("check digits", () => {
  it("verifies IMO numbers", () => {
    expect(validImo("9387425")).toBe(true);
    expect(validImo("9551208")).toBe(true);
    expect(validImo("9316600")).toBe(false);
    expect(validImo("9316608")).toBe(true);
    expect(validImo("931660")).toBe(false);
  });

  it("verifies ISO 6346 container numbers, a computed 10 meaning 0", () => {
    for (const good of ["WHLU5120381", "KKFU7731200", "NYKU4409151", "SUDU6620456", "UACU8807341", "SEKU4471023", "TRLU1234567"]) expect(validContainerNumber(good), good).toBe(true);
    expect(validContainerNumber("TRLU1234562")).toBe(false);
    expect(validContainerNumber("trlu1234567")).toBe(false);
    // CSQU305407 computes 10: its check digit is 0.
    expect(validContainerNumber("CSQU3054070")).toBe(true);
    expect(validContainerNumber("CSQU3054383")).toBe(true);
  });

  it("gives TEU from the size-type", () => {
    expect([teuOfSizeType("22G1"), teuOfSizeType("45G1"), teuOfSizeType("L5G1"), teuOfSizeType("92G1")]).toEqual([1, 2, 2.25, null]);
  });
});

describe("local times", () => {
  it("reads the formats of the feeds, local to the zone unless an offset is written", () => {
    const lome = (t: string) => formatUtc(parseTimestamp(t, "Africa/Lome") ?? NaN);
    expect(lome("2024-10-02 06:00")).toBe("2024-10-02 06:00:00");
    expect(lome("14/10/2024 22:00")).toBe("2024-10-14 22:00:00");
    expect(lome("2024-10-20T11:00:00+00:00")).toBe("2024-10-20 11:00:00");
    expect(formatUtc(parseTimestamp("2024-10-11T14:00:00", "Africa/Niamey") ?? NaN)).toBe("2024-10-11 13:00:00");
    expect(formatUtc(parseTimestamp("2024-10-11T09:00:00+01:00", "Africa/Lome") ?? NaN)).toBe("2024-10-11 08:00:00");
    expect(formatUtc(parseTimestamp("2024-10-09T16:00:00Z", "Africa/Niamey") ?? NaN)).toBe("2024-10-09 16:00:00");
    expect(formatUtc(parseTimestamp("2024-03-31T02:30:00", "Europe/Paris") ?? NaN)).toBe("2024-03-31 01:30:00");
  });

  it("refuses impossible dates and times", () => {
    for (const bad of ["2024-02-30 10:00", "31/04/2024 10:00", "2024-10-02 24:00", "2024-10-02", "yesterday", "2024-10-02 06:00+25:00"]) expect(parseTimestamp(bad, "Africa/Lome"), bad).toBeNull();
    expect(monthOf(Date.UTC(2024, 9, 31, 23, 59))).toBe(202410);
  });
});

describe("numbers", () => {
  it("reads both dialects to the same canonical text", () => {
    expect(parseDecimal("85.5")).toBe("85.5");
    expect(parseDecimal("21,0", "comma")).toBe("21");
    expect(parseDecimal("21.0")).toBe("21");
    expect(parseDecimal("2 450,00", "comma")).toBe("2450");
    expect(parseDecimal("82\u00A0325", "comma")).toBe("82325");
    expect(parseDecimal("1\u202F234\u202F567,5", "comma")).toBe("1234567.5");
    expect(parseDecimal("-59000")).toBe("-59000");
    expect(parseDecimal("007")).toBe("7");
  });

  it("refuses what is not a number in its dialect", () => {
    for (const [text, mark] of [["1,5", "point"], ["1 234", "point"], ["12 34,5", "comma"], ["1.5", "comma"], ["abc", "point"], ["", "point"], ["1e5", "point"]] as const) expect(parseDecimal(text, mark), text).toBeNull();
  });

  it("converts EUR at 655.957 and rounds half away from zero", () => {
    expect(eurToXof("2450")).toBe("1607095"); // 1 607 094.65
    expect(eurToXof("-1")).toBe("-656");
    expect(roundHalfAwayFromZero("10.5")).toBe("11");
    expect(roundHalfAwayFromZero("-10.5")).toBe("-11");
    expect(roundHalfAwayFromZero("10.49")).toBe("10");
  });
});

describe("feed detection", () => {
  const detect = (text: string) => detectFeed(Buffer.from(text, "utf8"));
  it("recognises each feed from its first bytes", () => {
    expect(detect("UNA:+.? 'UNB+UNOC:3")).toBe("container-events");
    expect(detect("UNB+UNOA:3+TTL")).toBe("container-events");
    expect(detect('<?xml version="1.0" encoding="ISO-8859-1"?>\n<ASYCUDA_BATCH exported_at="x">')).toBe("customs-declarations");
    expect(detect("<?xml version='1.0'?><!-- c --><ASYCUDA>")).toBe("customs-declarations");
    expect(detect('\uFEFF{"movement":"x"}')).toBe("transit-movements");
    expect(detect("call_id,vessel_name,imo,voyage,terminal,arrived_at,berthed_at,departed_at,teu_discharged,teu_loaded,tonnes_discharged,tonnes_loaded\n")).toBe("vessel-calls");
    expect(detect("\uFEFFCURRENCY,INVOICE_NO,AMOUNT,FEE_CODE,ISSUED_AT,COUNTRY,CONTAINER,DECLARATION,CALL_ID,CREDIT_NOTE_OF\r\n")).toBe("port-invoices");
    expect(detect("invoice_no;issued_at;fee_code;amount;currency;country;call_id;container;declaration;credit_note_of\n")).toBe("port-invoices");
    expect(detect("<html>")).toBeNull();
    expect(detect("a,b,c\n1,2,3")).toBeNull();
  });
});
