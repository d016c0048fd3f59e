import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ["node_modules", "dist", "gql"].includes(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/u.test(entry.name) ? [full] : [];
  });
}

/** Environment variables the platform's own code reads (tests excluded). */
function variablesReadByCode(): Set<string> {
  const names = new Set<string>();
  for (const pkg of ["warehouse", "etl", "server", "web"]) {
    for (const file of sourceFiles(path.join(root, pkg, "src"))) {
      const text = fs.readFileSync(file, "utf8");
      // `import.meta.env.PROD` is Vite's build flag, not a variable of the running platform.
      for (const match of text.matchAll(/(?<!import\.meta\.)\benv\.([A-Z][A-Z0-9_]+)|positiveInt\(env, "([A-Z][A-Z0-9_]+)"/gu)) names.add((match[1] ?? match[2]) as string);
    }
  }
  return names;
}

function variablesInReadmeTable(): Set<string> {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 5));
  return new Set([...section.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gmu)].map((m) => m[1] as string));
}

describe("configuration", () => {
  it("documents in the README every environment variable the code reads, and no other", () => {
    const read = variablesReadByCode();
    const documented = variablesInReadmeTable();
    expect([...read].sort()).toEqual([...documented].sort());
    expect(read.size).toBeGreaterThanOrEqual(12);
  });

  it("opens the README with exactly the two commands, and .ci/run runs the same test command", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const firstBlock = /```sh\n([\s\S]*?)```/u.exec(readme)?.[1]?.trim().split("\n") ?? [];
    expect(readme.indexOf("```sh")).toBeLessThan(readme.indexOf("\n## "));
    expect(firstBlock).toHaveLength(2);
    expect(firstBlock[0]).toMatch(/ start$/u);
    expect(firstBlock[1]).toMatch(/ test$/u);
    const ci = fs.readFileSync(path.join(root, ".ci/run"), "utf8");
    expect(ci).toContain(firstBlock[1] as string);
  });
});
