/**
 * Keeps docs/api.md true to the code. `pnpm docs:api` rewrites the registry
 * tables from the registry itself; `pnpm docs:api --answers` also loads the
 * sample scenario into a fresh data directory, starts a server on it, runs
 * every ```graphql example and writes the server's answer into the ```json
 * block that follows it. test/api-docs.test.ts and test/api-examples.test.ts
 * fail when the committed doc differs from what this would write.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { registryDimensions, registryMeasures } from "../server/src/metrics/registry/describe.js";
import { docExamples, formatJson, withAnswers, withSection } from "./api-docs/markdown.js";
import { dimensionsTable, measuresTable } from "./api-docs/registry-tables.js";
import { startSampleServer } from "../test/support/sample-server.js";

export const API_DOC = fileURLToPath(new URL("../docs/api.md", import.meta.url));

/** The marked sections of docs/api.md and what the registry says they hold. */
export function renderRegistryTables(): { readonly "registry:measures": string; readonly "registry:dimensions": string } {
  return { "registry:measures": measuresTable(registryMeasures()), "registry:dimensions": dimensionsTable(registryDimensions()) };
}

/** The doc with its registry sections rewritten; nothing else changes. */
export function withRegistryTables(markdown: string): string {
  return Object.entries(renderRegistryTables()).reduce((text, [name, table]) => withSection(text, name, table), markdown);
}

/** Each example's answer from a server loaded with the samples, formatted for the doc. */
async function sampleAnswers(markdown: string): Promise<string[]> {
  // Read first: a malformed doc fails before a server is started for nothing.
  const examples = docExamples(markdown);
  const sample = await startSampleServer();
  try {
    const answers: string[] = [];
    // One at a time, in doc order: the log then reads like the doc.
    for (const example of examples) {
      const body = await sample.query(example.graphql);
      process.stderr.write(`${example.operation}: ${JSON.stringify(body).length} characters\n`);
      answers.push(formatJson(body));
    }
    return answers;
  } finally {
    await sample.stop();
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const unknown = argv.filter((a) => a !== "--answers");
  if (unknown.length > 0) throw new Error(`usage: pnpm docs:api [--answers]   (unknown: ${unknown.join(" ")})`);
  let markdown = withRegistryTables(fs.readFileSync(API_DOC, "utf8"));
  if (argv.includes("--answers")) markdown = withAnswers(markdown, await sampleAnswers(markdown));
  fs.writeFileSync(API_DOC, markdown);
  process.stderr.write(`${path.relative(process.cwd(), API_DOC)} written\n`);
}

// Run as a command only; the tests import the functions above.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
