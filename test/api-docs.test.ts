import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { API_DOC, renderRegistryTables, withRegistryTables } from "../scripts/api-docs.js";
import { docExamples, formatJson, sectionOf } from "../scripts/api-docs/markdown.js";

const doc = fs.readFileSync(API_DOC, "utf8");
const schema = fs.readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");

describe("docs/api.md", () => {
  it.each(Object.entries(renderRegistryTables()))("section %s holds the table the registry gives (run `pnpm docs:api`)", (name, table) => {
    expect(sectionOf(doc, name)).toBe(table);
  });

  it("is left unchanged by rewriting its registry tables", () => {
    expect(withRegistryTables(doc) === doc).toBe(true);
  });

  it("pairs every query with an answer, under a French / English heading, with unique operation names", () => {
    const examples = docExamples(doc);
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const example of examples) expect(example.title, example.operation).toMatch(/\S.* \/ \S/u);
    expect(new Set(examples.map((e) => e.operation)).size).toBe(examples.length);
  });

  it("shows answers as `pnpm docs:api --answers` writes them, not typed by hand", () => {
    for (const example of docExamples(doc)) expect(example.json, example.operation).toBe(`${formatJson(JSON.parse(example.json))}\n`);
  });

  it("documents every query of the semantic layer and the policy views that schema.graphql has", () => {
    const query = /^type Query \{([\s\S]*?)^\}/mu.exec(schema)?.[1] ?? "";
    const present = ["metrics", "overview", "countryFigures", "measures", "dimensions", "guaranteeSavings", "tariffScenario"].filter((field) => new RegExp(`^  ${field}\\b`, "mu").test(query));
    expect(present).toContain("metrics");
    for (const field of present) expect(doc, field).toContain(`\`${field}`);
  });

  it("lists the error codes a client may act on", () => {
    for (const code of ["BAD_USER_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "QUERY_TIMEOUT", "RESULT_TOO_LARGE", "WAREHOUSE_UNAVAILABLE", "INTERNAL_SERVER_ERROR"]) expect(doc).toContain(`| \`${code}\``);
  });
});
