import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type * as GraphQL from "../web/node_modules/graphql/index.js";
import { EXAMPLES } from "../web/src/explorer/examples.js";

// The graphql the web package depends on (the root package has none of its own).
const { buildSchema, getVariableValues, Kind, parse, validate } = createRequire(new URL("../web/package.json", import.meta.url))("graphql") as typeof GraphQL;
const schema = buildSchema(fs.readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"));

describe("the query explorer's examples", () => {
  it("are at least six, with unique ids and titles in French and English", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    for (const example of EXAMPLES) {
      expect(example.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/u);
      expect(example.titleFr.trim(), example.id).not.toBe("");
      expect(example.titleEn.trim(), example.id).not.toBe("");
    }
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))("%s is valid against the committed schema.graphql", (_id, example) => {
    const document = parse(example.query);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    // One named operation: its name is the GraphiQL tab's title.
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations).toHaveLength(1);
    const operation = operations[0];
    if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error("no operation");
    expect(operation.name?.value).toMatch(/^[A-Z]\w+$/u);
    // The variables given are exactly those declared, and of the declared types.
    expect(Object.keys(example.variables).sort()).toEqual((operation.variableDefinitions ?? []).map((v) => v.variable.name.value).sort());
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], { ...example.variables });
    expect(coerced.errors?.map((error) => error.message)).toBeUndefined();
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))("%s opens with a comment in French, then in English", (_id, example) => {
    const lines = example.query.split("\n");
    const header = lines.slice(0, lines.findIndex((line) => !line.startsWith("#")));
    // French lines, a lone "#", English lines; short enough for GraphiQL's editor pane.
    const separator = header.indexOf("#");
    expect(separator, "a lone # between the French and the English").toBeGreaterThan(0);
    const french = header.slice(0, separator).join(" ");
    const english = header.slice(separator + 1).join(" ");
    expect(english).not.toBe("");
    for (const line of header) expect(line.length, line).toBeLessThanOrEqual(56);
    for (const line of [...header.slice(0, separator), ...header.slice(separator + 1)]) expect(line).toMatch(/^# \S/u);
    expect(french).toMatch(/\b(?:le|la|les|de|du|des|et|un|une)\b|\b[dl]'/iu);
    expect(english).toMatch(/\b(?:the|of|and|with|its|their)\b/iu);
    expect(english).not.toMatch(/\b(?:les|des|du|et)\b/iu);
  });

  it("has operation names unique across examples", () => {
    const names = EXAMPLES.map((e) => /^(?:query|mutation)\s+(\w+)/mu.exec(e.query)?.[1]);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(EXAMPLES.length);
  });
});
