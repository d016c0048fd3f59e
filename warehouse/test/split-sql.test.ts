import { describe, expect, it } from "vitest";
import { splitSql } from "../src/index.js";

describe("splitSql", () => {
  it("splits at top-level semicolons and drops comments", () => {
    expect(splitSql("-- header; not a split\nCREATE TABLE a (x UInt8) ENGINE = Memory;\n/* b; c */ SELECT 1;\n")).toEqual(["CREATE TABLE a (x UInt8) ENGINE = Memory", "SELECT 1"]);
  });

  it("keeps semicolons and comment markers inside quotes", () => {
    const sql = "SELECT 'a;b', \"c;d\", `e;f`, 'it''s -- not a comment', 'x\\';y';SELECT 2";
    expect(splitSql(sql)).toEqual(["SELECT 'a;b', \"c;d\", `e;f`, 'it''s -- not a comment', 'x\\';y'", "SELECT 2"]);
  });

  it("refuses an unterminated quote or comment", () => {
    expect(() => splitSql("SELECT 'oops")).toThrow(/unterminated/);
    expect(() => splitSql("SELECT 1 /* oops")).toThrow(/unterminated/);
  });
});
