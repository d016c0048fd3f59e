import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, warehouseConfigFromEnv } from "../src/index.js";

describe("warehouseConfigFromEnv", () => {
  it("defaults to the embedded engine in ./data", () => {
    const config = warehouseConfigFromEnv({}, "/srv/corridor");
    expect(config).toMatchObject({ mode: "embedded", dataDir: "/srv/corridor/data", database: "corridor", cluster: null, url: null, queryTimeoutMs: 30_000 });
  });

  it("switches to server mode when CLICKHOUSE_URL is set", () => {
    const config = warehouseConfigFromEnv({ CLICKHOUSE_URL: "http://ch:8123", CLICKHOUSE_USER: "etl", CLICKHOUSE_PASSWORD: "s3cret", CLICKHOUSE_DATABASE: "obs", CLICKHOUSE_CLUSTER: "corridor" }, "/x");
    expect(config).toMatchObject({ mode: "server", url: "http://ch:8123", user: "etl", password: "s3cret", database: "obs", cluster: "corridor" });
  });

  it("resolves DATA_DIR against the working directory", () => {
    expect(warehouseConfigFromEnv({ DATA_DIR: "var/obs" }, "/srv").dataDir).toBe(path.resolve("/srv/var/obs"));
  });

  it("reports every problem at once, naming each variable", () => {
    let error: unknown;
    try {
      warehouseConfigFromEnv({ CLICKHOUSE_URL: "ftp://x", CLICKHOUSE_DATABASE: "a;DROP TABLE x", QUERY_TIMEOUT_MS: "-5", CLICKHOUSE_CLUSTER: "c-1" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toContain("CLICKHOUSE_URL");
    expect(problems).toContain("CLICKHOUSE_DATABASE");
    expect(problems).toContain("QUERY_TIMEOUT_MS");
    expect(problems).toContain("CLICKHOUSE_CLUSTER");
  });

  it("refuses credentials inside the URL and a cluster without a server", () => {
    expect(() => warehouseConfigFromEnv({ CLICKHOUSE_URL: "http://u:p@ch:8123" })).toThrow(/CLICKHOUSE_USER/);
    expect(() => warehouseConfigFromEnv({ CLICKHOUSE_CLUSTER: "c" })).toThrow(/CLICKHOUSE_URL/);
  });
});
