/** Reading and rewriting the parts of docs/api.md that are generated: marked sections and example answers. */

const markers = (name: string) => ({ start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` });

/** The text between `<!-- name:start -->` and `<!-- name:end -->`, without the line breaks next to the markers. */
export function sectionOf(markdown: string, name: string): string {
  const { start, end } = markers(name);
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`docs: markers ${start} … ${end} not found`);
  return markdown.slice(from + start.length, to).replace(/^\n+|\n+$/gu, "");
}

/** The markdown with the section `name` holding `content` (one blank line each side, so tables render). */
export function withSection(markdown: string, name: string, content: string): string {
  const { start, end } = markers(name);
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`docs: markers ${start} … ${end} not found`);
  return `${markdown.slice(0, from + start.length)}\n\n${content}\n\n${markdown.slice(to)}`;
}

export interface DocExample {
  /** The nearest heading above the query. */
  readonly title: string;
  /** The operation's name, e.g. `PortDwellByCountry`. */
  readonly operation: string;
  readonly graphql: string;
  readonly json: string;
  /** Where the json block's text sits in the markdown, to write a new answer in its place. */
  readonly jsonStart: number;
  readonly jsonEnd: number;
}

/**
 * Every ```graphql block with the ```json block that must follow it (only
 * blank lines between). A query without its answer is an error: the doc
 * would show something nobody checked.
 */
export function docExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const block = /^```graphql\n([\s\S]*?)^```\n/gmu;
  for (let match = block.exec(markdown); match; match = block.exec(markdown)) {
    const graphql = match[1] as string;
    const after = markdown.slice(match.index + match[0].length);
    const answer = /^\s*```json\n([\s\S]*?\n)```/u.exec(after);
    const title = [...markdown.slice(0, match.index).matchAll(/^#{1,6} (.+)$/gmu)].at(-1)?.[1] ?? "(no heading)";
    if (!answer) throw new Error(`docs: the query under “${title}” has no \`\`\`json answer right after it`);
    const operation = /^\s*(?:query|mutation)\s+([A-Za-z_]\w*)/mu.exec(graphql)?.[1];
    if (!operation) throw new Error(`docs: the query under “${title}” is not a named operation`);
    const jsonStart = match.index + match[0].length + answer[0].indexOf("```json\n") + "```json\n".length;
    examples.push({ title, operation, graphql, json: answer[1] as string, jsonStart, jsonEnd: jsonStart + (answer[1] as string).length });
  }
  return examples;
}

/** The markdown with each example's answer replaced, in order. */
export function withAnswers(markdown: string, answers: readonly string[]): string {
  const examples = docExamples(markdown);
  if (answers.length !== examples.length) throw new Error(`docs: ${examples.length} examples but ${answers.length} answers`);
  let out = markdown;
  // From the last, so the earlier offsets stay valid.
  for (let i = examples.length - 1; i >= 0; i--) {
    const { jsonStart, jsonEnd } = examples[i] as DocExample;
    out = `${out.slice(0, jsonStart)}${(answers[i] as string).replace(/\n*$/u, "\n")}${out.slice(jsonEnd)}`;
  }
  return out;
}

/**
 * JSON as a reader scans it: an object or array on one line when it fits in
 * `width` columns, else one member per line. JSON.parse gives back the same
 * value, which is all the checks compare.
 */
export function formatJson(value: unknown, width = 110): string {
  return layout(value, 0, 0, width);
}

/** `used`: columns the line already holds before this value (indentation and key). */
function layout(value: unknown, indent: number, used: number, width: number): string {
  const flat = inline(value);
  if (used + flat.length <= width || value === null || typeof value !== "object") return flat;
  const pad = " ".repeat(indent + 2);
  const entries = Array.isArray(value)
    ? value.map((item) => `${pad}${layout(item, indent + 2, indent + 2, width)}`)
    : Object.entries(value as Record<string, unknown>).map(([key, item]) => {
        const prefix = `${pad}${JSON.stringify(key)}: `;
        return `${prefix}${layout(item, indent + 2, prefix.length, width)}`;
      });
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${entries.join(",\n")}\n${" ".repeat(indent)}${close}`;
}

function inline(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `[${value.map(inline).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(", ")} }`;
}
