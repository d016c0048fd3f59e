import { describe, expect, it } from "vitest";
import { ACCEPTED_EXTENSIONS, UPLOAD_MAX_BYTES, uploadProblem } from "../src/features/data/upload";
import { formatBytes } from "../src/i18n/format";
import { fill, messageIn } from "../src/i18n/server-text";

describe("uploadProblem", () => {
  it("refuses an empty file and one over the limit (10 MiB, the server's default), accepts the rest", () => {
    expect(UPLOAD_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(uploadProblem(0)).toBe("empty");
    expect(uploadProblem(1)).toBe("none");
    expect(uploadProblem(UPLOAD_MAX_BYTES)).toBe("none");
    expect(uploadProblem(UPLOAD_MAX_BYTES + 1)).toBe("tooLarge");
    expect(uploadProblem(2048, 1024)).toBe("tooLarge");
  });

  it("offers the feeds' extensions and gzip to the file picker", () => {
    for (const extension of [".csv", ".edi", ".xml", ".jsonl", ".gz"]) expect(ACCEPTED_EXTENSIONS).toContain(extension);
  });
});

describe("formatBytes", () => {
  it("writes octets in French and bytes in English, in powers of 1024", () => {
    expect(formatBytes(441, "fr")).toBe("441\u00A0o");
    expect(formatBytes(441, "en")).toBe("441\u00A0B");
    expect(formatBytes(1538, "fr")).toBe("1,5\u00A0ko");
    expect(formatBytes(1538, "en")).toBe("1.5\u00A0kB");
    expect(formatBytes(10 * 1024 * 1024, "fr")).toBe("10\u00A0Mo");
    expect(formatBytes(123 * 1024 * 1024, "en")).toBe("123\u00A0MB");
  });
});

describe("messageIn", () => {
  it("keeps the reader's half of a bilingual server message", () => {
    const message = "Fichier vide. / Empty file.";
    expect(messageIn(message, "fr")).toBe("Fichier vide.");
    expect(messageIn(message, "en")).toBe("Empty file.");
  });

  it("keeps a message that is not in two halves whole", () => {
    expect(messageIn("HTTP 502", "en")).toBe("HTTP 502");
    expect(messageIn("a / b / c", "fr")).toBe("a / b / c");
  });
});

describe("fill", () => {
  it("fills the placeholders it knows and leaves the others", () => {
    expect(fill("{n} enregistrements, {x}", { n: "1 234" })).toBe("1 234 enregistrements, {x}");
  });
});
