import { describe, expect, it } from "vitest";
import { decodeEdifact, detectEdifactCharset } from "../../src/feeds/container-events/edifact-charset.js";
import { tokenizeEdifact, valueAt, type Segment } from "../../src/feeds/container-events/edifact-tokenizer.js";
import { UnreadableFileError } from "../../src/core/types.js";

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function segments(text: string, chunkSize = text.length || 1): Promise<Segment[]> {
  const result: Segment[] = [];
  for await (const batch of tokenizeEdifact(chunksOf(text, chunkSize))) result.push(...batch);
  return result;
}

/** What a consumer sees of a segment, for comparisons. */
const view = (s: Segment) => ({ tag: s.tag, raw: s.raw, index: s.index, line: s.line, elements: s.elements });

function bytesOf(text: string, encoding: BufferEncoding): AsyncIterable<Buffer> {
  const buffer = Buffer.from(text, encoding);
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < buffer.length; i += 3) yield buffer.subarray(i, i + 3);
    },
  };
}

describe("EDIFACT tokenizer", () => {
  it("splits on the default separators and numbers segments from UNB = 1, lines from 1", async () => {
    const text = "UNA:+.? '\nUNB+UNOC:3+LCT+PALOME+241010:0600+77001'\nUNH+1+COARRI:D:95B:UN:ITG13'BGM+44+X+9'\n\nUNT+3+1'\n";
    const result = await segments(text);
    expect(result.map((s) => [s.tag, s.index, s.line])).toEqual([
      ["UNB", 1, 2],
      ["UNH", 2, 3],
      ["BGM", 3, 3],
      ["UNT", 4, 5],
    ]);
    const [unb] = result;
    expect(unb?.elements).toEqual([["UNB"], ["UNOC", "3"], ["LCT"], ["PALOME"], ["241010", "0600"], ["77001"]]);
    expect(unb && valueAt(unb, 5)).toBe("77001");
    expect(unb && valueAt(unb, 9, 2)).toBe("");
    expect(unb?.separators).toEqual({ component: ":", element: "+", decimal: ".", release: "?", terminator: "'" });
  });

  it("reads released characters as data and keeps the raw text as written", async () => {
    const [tdt] = await segments("TDT+1++3+31+D?'ALMEIDA ?+ FILS?: 50?? ?+1+++BF-11'");
    expect(tdt?.raw).toBe("TDT+1++3+31+D?'ALMEIDA ?+ FILS?: 50?? ?+1+++BF-11");
    expect(tdt?.elements).toEqual([["TDT"], ["1"], [""], ["3"], ["31"], ["D'ALMEIDA + FILS: 50? +1"], [""], [""], ["BF-11"]]);
  });

  it("honours a UNA with other separators, release character and terminator", async () => {
    const text = 'UNA|*,# "UNB*UNOA|3*TTL*PALOME*241020|0600*88042"TDT*1**3*31*Rail #* Route #"Nord#" #| #### SA***TG-1"';
    const [unb, tdt] = await segments(text);
    expect(unb?.index).toBe(1);
    expect(valueAt(unb as Segment, 1, 0)).toBe("UNOA");
    expect(tdt?.raw).toBe('TDT*1**3*31*Rail #* Route #"Nord#" #| #### SA***TG-1');
    expect(valueAt(tdt as Segment, 5)).toBe('Rail * Route "Nord" | ## SA');
    expect(valueAt(tdt as Segment, 8)).toBe("TG-1");
    expect(tdt?.separators).toEqual({ component: "|", element: "*", decimal: ",", release: "#", terminator: '"' });
  });

  it("takes a space as release character to mean there is none", async () => {
    const [seg] = await segments("UNA:+.  'FTX+AAA+++50?'");
    expect(seg?.separators.release).toBeNull();
    expect(seg?.elements).toEqual([["FTX"], ["AAA"], [""], [""], ["50?"]]);
  });

  it("lets a later UNA change the separators for the next interchange", async () => {
    const text = "UNB+UNOA:3+A+B+241020:0600+1'UNZ+0+1'\nUNA|*.? !\nUNB*UNOA|3*A*B*241020|0700*2!UNZ*0*2!\n";
    const result = await segments(text);
    expect(result.map((s) => [s.tag, s.index, s.line, valueAt(s, 2)])).toEqual([
      ["UNB", 1, 1, "A"],
      ["UNZ", 2, 1, "1"],
      ["UNB", 3, 3, "A"],
      ["UNZ", 4, 3, "2"],
    ]);
  });

  it("gives the same segments whatever the chunk boundaries, a UNA and released characters included", async () => {
    const text = "UNA:+.? '\r\nUNB+UNOC:3+LCT+PALOME+241010:0600+77001'\r\nUNH+1+CODECO:D:95B:UN:ITG14'\r\nTDT+1++3+31+Transports Zongo ?+ Fils?'?:??+++BF-11-KT-5120'\r\nUNT+3+1'\r\nUNZ+1+77001'\r\n";
    const whole = (await segments(text)).map(view);
    expect(whole.map((s) => s.line)).toEqual([2, 3, 4, 5, 6]);
    for (const size of [1, 2, 3, 5, 8, 13]) expect((await segments(text, size)).map(view), `chunks of ${size}`).toEqual(whole);
  });

  it("counts CR LF, LF and lone CR as one line break each and drops line breaks inside a segment", async () => {
    const result = await segments("UNB+UNOA:3\r\n+A'\rUNH+1'\nUNT+2\n+1'");
    expect(result.map((s) => [s.raw, s.line])).toEqual([
      ["UNB+UNOA:3+A", 1],
      ["UNH+1", 3],
      ["UNT+2+1", 4],
    ]);
  });

  it("skips empty segments and blanks between segments, and ends with an unterminated last segment", async () => {
    const result = await segments("UNB+UNOA:3'' \t\n  UNH+1'UNZ+1+5");
    expect(result.map((s) => [s.tag, s.index, s.line, s.raw])).toEqual([
      ["UNB", 1, 1, "UNB+UNOA:3"],
      ["UNH", 2, 2, "UNH+1"],
      ["UNZ", 3, 2, "UNZ+1+5"],
    ]);
    expect((await segments("UN")).map((s) => s.raw)).toEqual(["UN"]);
  });

  it("refuses text that never ends a segment instead of holding it all", async () => {
    await expect(segments("UNB+".padEnd(1_100_000, "x"), 64 * 1024)).rejects.toBeInstanceOf(UnreadableFileError);
  });
});

describe("EDIFACT character sets", () => {
  const unb = (syntax: string) => `UNA:+.? '\nUNB+${syntax}:3+LCT+PALOME+241010:0600+77001'\nTDT+1++3+31+Trans-Maritime Lomé'\n`;

  it("reads the syntax identifier of the first UNB", async () => {
    expect(await detectEdifactCharset(bytesOf(unb("UNOC"), "latin1"), "f.edi")).toBe("latin1");
    expect(await detectEdifactCharset(bytesOf(unb("UNOA"), "latin1"), "f.edi")).toBe("latin1");
    expect(await detectEdifactCharset(bytesOf(unb("UNOW"), "utf8"), "f.edi")).toBe("utf-8");
  });

  it("decodes UNOC as Latin-1 and UNOW as UTF-8, characters split across chunks kept whole", async () => {
    for (const [syntax, encoding, charset] of [["UNOC", "latin1", "latin1"], ["UNOW", "utf8", "utf-8"]] as const) {
      const found: string[] = [];
      for await (const batch of tokenizeEdifact(decodeEdifact(bytesOf(unb(syntax), encoding), charset))) found.push(...batch.map((s) => valueAt(s, 5)));
      expect(found[1], syntax).toBe("Trans-Maritime Lomé");
    }
  });

  it("lets a UTF-8 byte order mark through, whatever the chunks", async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(unb("UNOC"), "latin1")]);
    for (const size of [1, 2, 3, 64]) {
      const source: AsyncIterable<Buffer> = {
        async *[Symbol.asyncIterator]() {
          for (let i = 0; i < withBom.length; i += size) yield withBom.subarray(i, i + size);
        },
      };
      expect(await detectEdifactCharset(source, "f.edi")).toBe("latin1");
      let text = "";
      for await (const chunk of decodeEdifact(source, "latin1")) text += chunk;
      expect(text, `chunks of ${size}`).toBe(unb("UNOC"));
    }
  });

  it("refuses a file that does not start with UNA or UNB, or has no UNB", async () => {
    await expect(detectEdifactCharset(bytesOf("UNH+1+COARRI:D:95B:UN'", "latin1"), "f.edi")).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(detectEdifactCharset(bytesOf("UNA:+.? 'UNH+1+COARRI:D:95B:UN'", "latin1"), "f.edi")).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(detectEdifactCharset(bytesOf("UNA:+.? '\n", "latin1"), "f.edi")).rejects.toThrow(/no UNB/u);
    await expect(detectEdifactCharset(bytesOf("", "latin1"), "f.edi")).rejects.toBeInstanceOf(UnreadableFileError);
  });
});
