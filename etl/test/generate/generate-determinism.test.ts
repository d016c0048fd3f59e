import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateDemoData, GenerateOptionsError, parseGenerateArgs, type GenerateOptions } from "../../src/generate/generate.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-generate-determinism-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** name → bytes of every file of a run. */
async function run(name: string, seed: number): Promise<Map<string, Buffer>> {
  const outDir = path.join(root, name);
  // December: the LCT interchange is gzipped, so compressed output is compared too.
  const summary = await generateDemoData({ from: "2024-11", to: "2024-12", scale: 0.003, seed, outDir });
  return new Map(summary.files.map((f) => [path.basename(f.path), fs.readFileSync(f.path)]));
}

describe("generateDemoData", () => {
  it("writes the same bytes for the same options, other bytes for another seed", async () => {
    const first = await run("a", 5);
    const second = await run("b", 5);
    const other = await run("c", 6);
    expect(first.size).toBeGreaterThan(10);
    expect([...first.keys()].some((n) => n.endsWith(".gz"))).toBe(true);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, bytes] of first) expect(second.get(name)?.equals(bytes), name).toBe(true);
    const differing = [...first].filter(([name, bytes]) => !other.get(name)?.equals(bytes));
    expect(differing.length).toBeGreaterThan(first.size / 2);
  });

  it("refuses options it cannot honour, naming the option", async () => {
    const base: GenerateOptions = { from: "2024-01", to: "2024-02", scale: 0.01, seed: 1, outDir: path.join(root, "never") };
    await expect(generateDemoData({ ...base, from: "2024-13" })).rejects.toThrow(/--from/u);
    await expect(generateDemoData({ ...base, to: "2023-12" })).rejects.toThrow(/--to.*before/u);
    await expect(generateDemoData({ ...base, scale: 0 })).rejects.toThrow(/--scale/u);
    await expect(generateDemoData({ ...base, seed: 1.5 })).rejects.toThrow(/--seed/u);
    expect(fs.existsSync(base.outDir)).toBe(false);
  });
});

describe("parseGenerateArgs", () => {
  it("reads the CLI options, with defaults for scale and seed", () => {
    expect(parseGenerateArgs(["--from", "2023-01", "--to", "2025-12", "--scale", "0.05", "--seed", "42", "--out", "demo"])).toEqual({ from: "2023-01", to: "2025-12", scale: 0.05, seed: 42, outDir: "demo" });
    expect(parseGenerateArgs(["--from=2024-03", "--to=2024-03", "--out=x"])).toEqual({ from: "2024-03", to: "2024-03", scale: 0.05, seed: 42, outDir: "x" });
  });

  it("says which option is wrong and what it expects", () => {
    const cases: [string[], RegExp][] = [
      [["--to", "2024-01", "--out", "x"], /--from: .*required/u],
      [["--from", "2024-1", "--to", "2024-01", "--out", "x"], /--from: .*YYYY-MM month expected, got "2024-1"/u],
      [["--from", "2024-01", "--to", "2024-00", "--out", "x"], /--to: .*YYYY-MM month expected/u],
      [["--from", "2024-05", "--to", "2024-01", "--out", "x"], /--to: .*is before --from/u],
      [["--from", "2024-01", "--to", "2024-01"], /--out: .*required/u],
      [["--from", "2024-01", "--to", "2024-01", "--out", "x", "--scale", "abc"], /--scale: .*number expected, got "abc"/u],
      [["--from", "2024-01", "--to", "2024-01", "--out", "x", "--scale", "-1"], /--scale/u],
      [["--from", "2024-01", "--to", "2024-01", "--out", "x", "--scale=-1"], /--scale: .*a number > 0 and ≤ 10 .*expected.*got -1/u],
      [["--from", "2024-01", "--to", "2024-01", "--out", "x", "--scale", "50"], /--scale: .*≤ 10/u],
      [["--from", "2024-01", "--to", "2024-01", "--out", "x", "--seed", "1.5"], /--seed: .*integer/u],
      [["--from", "2024-01", "--to", "2024-01", "--out", "x", "--sede", "1"], /invalid options: .*--sede/u],
      [["--from", "1990-01", "--to", "1990-02", "--out", "x"], /--from: .*year from 2015 to 2035/u],
    ];
    for (const [args, message] of cases) {
      expect(() => parseGenerateArgs(args), args.join(" ")).toThrow(GenerateOptionsError);
      expect(() => parseGenerateArgs(args), args.join(" ")).toThrow(message);
    }
  });
});
