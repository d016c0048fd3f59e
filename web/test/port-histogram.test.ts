import { describe, expect, it } from "vitest";
import { binHoursFromParams, binLabel, histogramBars, modalBar, terminalFromParams, writeHistogramChoice } from "../src/features/port/histogram";

const bins = (width: number, counts: number[]) => counts.map((containers, i) => ({ fromHours: i * width, toHours: (i + 1) * width, containers }));

describe("the port dwell histogram", () => {
  it("labels bands in hours for each language", () => {
    expect(binLabel(96, 120, "fr")).toBe("96–120\u00A0h");
    expect(binLabel(1000, 1200, "fr")).toBe("1\u00A0000–1\u00A0200\u00A0h");
    expect(binLabel(1000, 1200, "en")).toBe("1,000–1,200\u00A0h");
    expect(binLabel(720, null, "en")).toBe("≥\u00A0720\u00A0h");
  });
  it("keeps leading and inner empty bands, and leaves out the empty tail, saying where it starts", () => {
    // The samples: dwell of 98, 107, 136 and 162 hours in daily bands up to 720 h.
    const counts = Array.from({ length: 30 }, () => 0);
    counts[4] = 2;
    counts[5] = 1;
    counts[6] = 1;
    const { bars, hiddenFrom } = histogramBars({ bins: bins(24, counts), overflow: 0, containers: 4 }, "fr");
    expect(bars.map((b) => [b.label, b.containers])).toEqual([
      ["0–24\u00A0h", 0],
      ["24–48\u00A0h", 0],
      ["48–72\u00A0h", 0],
      ["72–96\u00A0h", 0],
      ["96–120\u00A0h", 2],
      ["120–144\u00A0h", 1],
      ["144–168\u00A0h", 1],
    ]);
    expect(bars[4]?.share).toBe(0.5);
    expect(hiddenFrom).toBe(168);
    expect(modalBar(bars)?.label).toBe("96–120\u00A0h");
  });
  it("shows every band and the open band past maxHours when containers stayed that long", () => {
    const { bars, hiddenFrom } = histogramBars({ bins: bins(24, [1, 0, 0]), overflow: 3, containers: 4 }, "en");
    expect(bars.map((b) => [b.label, b.containers, b.toHours])).toEqual([
      ["0–24\u00A0h", 1, 24],
      ["24–48\u00A0h", 0, 48],
      ["48–72\u00A0h", 0, 72],
      ["≥\u00A072\u00A0h", 3, null],
    ]);
    expect(bars[3]?.share).toBe(0.75);
    expect(hiddenFrom).toBeNull();
    expect(modalBar(bars)?.key).toBe("72+");
  });
  it("has no bar and no mode when nothing was counted", () => {
    const { bars } = histogramBars({ bins: bins(24, [0, 0]), overflow: 0, containers: 0 }, "fr");
    expect(bars).toEqual([]);
    expect(modalBar(bars)).toBeNull();
  });
  it("keeps the band width and the terminal in the address, defaults left out", () => {
    expect(binHoursFromParams(new URLSearchParams(""))).toBe(24);
    expect(binHoursFromParams(new URLSearchParams("classe=12"))).toBe(12);
    expect(binHoursFromParams(new URLSearchParams("classe=7"))).toBe(24);
    expect(terminalFromParams(new URLSearchParams("terminal=LCT"))).toBe("LCT");
    expect(terminalFromParams(new URLSearchParams("terminal=<x>"))).toBeNull();
    const params = writeHistogramChoice({ binHours: 12, terminal: "TTL" }, new URLSearchParams("lang=en"));
    expect(params.toString()).toBe("lang=en&classe=12&terminal=TTL");
    expect(writeHistogramChoice({ binHours: 24, terminal: null }, params).toString()).toBe("lang=en");
  });
});
