import { describe, expect, it } from "vitest";
import { parseQuarantineFilters, placeOf, writeQuarantineFilters } from "../src/features/data/quarantine-view";

describe("the quarantine filters in the address", () => {
  it("reads feed, reason and file, and drops what is malformed", () => {
    expect(parseQuarantineFilters(new URLSearchParams("qfeed=VESSEL_CALLS&qreason=BAD_IMO&qfile=20241016T0700_PAL_escales_A.csv"))).toEqual({ feed: "VESSEL_CALLS", reason: "BAD_IMO", file: "20241016T0700_PAL_escales_A.csv" });
    expect(parseQuarantineFilters(new URLSearchParams("qfeed=nope&qreason=bad imo&qfile="))).toEqual({ feed: null, reason: null, file: null });
    expect(parseQuarantineFilters(new URLSearchParams(`qfile=${"x".repeat(301)}`)).file).toBeNull();
  });

  it("writes them back next to the view's other parameters, and removes the empty ones", () => {
    const base = new URLSearchParams("from=2024-10-01&to=2024-11-01&lang=en&qreason=BAD_IMO");
    const written = writeQuarantineFilters({ feed: "CONTAINER_EVENTS", reason: null, file: "a b.edi" }, base);
    expect(written.toString()).toBe("from=2024-10-01&to=2024-11-01&lang=en&qfeed=CONTAINER_EVENTS&qfile=a+b.edi");
    expect(parseQuarantineFilters(written)).toEqual({ feed: "CONTAINER_EVENTS", reason: null, file: "a b.edi" });
    expect(base.get("qreason")).toBe("BAD_IMO"); // the given parameters are left alone
  });
});

describe("placeOf", () => {
  it("says a CSV line, and an EDIFACT message, segment and line, in French and English", () => {
    expect(placeOf({ recordIndex: 3, line: 4, message: null, segment: null }, "fr")).toBe("ligne 4");
    expect(placeOf({ recordIndex: 3, line: 4, message: null, segment: null }, "en")).toBe("line 4");
    expect(placeOf({ recordIndex: 8, line: 57, message: 3, segment: 56 }, "fr")).toBe("message 3, segment 56, ligne 57");
    expect(placeOf({ recordIndex: 8, line: 57, message: 3, segment: 56 }, "en")).toBe("message 3, segment 56, line 57");
  });

  it("falls back to the record's rank when there is no line", () => {
    expect(placeOf({ recordIndex: 5, line: null, message: null, segment: null }, "fr")).toBe("enregistrement n° 5");
    expect(placeOf({ recordIndex: 5, line: null, message: null, segment: null }, "en")).toBe("record 5");
  });
});
