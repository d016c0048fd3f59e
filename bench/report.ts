import fs from "node:fs";
import { fileURLToPath } from "node:url";

const FILE = fileURLToPath(new URL("../docs/benchmarks.md", import.meta.url));
const HEADER = `# Benchmarks

Numbers measured on this project's machines by the scripts in \`bench/\` (\`pnpm bench\`), each
section rewritten by its script. Ratios compare two things measured in the same run, because the
machines are shared and noisy; each section names the machine and the data size.
`;

/** Replaces one section (between its markers) of docs/benchmarks.md, keeping the others. */
export function writeBenchmarkSection(id: string, body: string): void {
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : HEADER;
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}` : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(FILE, next);
}
