import "reflect-metadata";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCorridorSchema, printCorridorSchema } from "../src/index.js";

describe("schema.graphql", () => {
  it("is the schema the server emits (run `pnpm schema:emit` after changing the API)", async () => {
    const committed = fs.readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(printCorridorSchema(await buildCorridorSchema()));
  });

  it("describes every type and field in French, then English", async () => {
    const schema = await buildCorridorSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID", "DateTimeISO"].includes(type.name)) continue;
      // Root types carry no description of their own in type-graphql; their fields do.
      if (!["Query", "Mutation"].includes(type.name) && !type.description?.includes(" / ")) missing.push(type.name);
      if ("getFields" in type) {
        for (const field of Object.values(type.getFields())) if (!field.description?.includes(" / ")) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
