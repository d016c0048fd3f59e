/**
 * Splits a migration file into statements at top-level semicolons, skipping
 * those inside quotes ('…', "…", `…`) and comments (-- … and /* … *\/).
 * ClickHouse runs one statement per request, so files are split before sending.
 */
export function splitSql(text: string): string[] {
  const statements: string[] = [];
  let current = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (ch === "-" && next === "-") {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end + 1;
      current += "\n";
      continue;
    }
    if (ch === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end === -1) throw new SyntaxError("unterminated /* comment");
      i = end + 2;
      current += " ";
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") {
      const end = closingQuote(text, i, ch);
      current += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (ch === ";") {
      pushStatement(statements, current);
      current = "";
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  pushStatement(statements, current);
  return statements;
}

function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\\") {
      i += 2; // backslash escapes the next character in ClickHouse string literals
      continue;
    }
    if (ch === quote) {
      if (text[i + 1] === quote) {
        i += 2; // doubled quote inside the literal
        continue;
      }
      return i;
    }
    i++;
  }
  throw new SyntaxError(`unterminated ${quote} quote starting at offset ${start}`);
}

function pushStatement(statements: string[], text: string): void {
  const trimmed = text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
  if (trimmed.length > 0) statements.push(trimmed);
}
