import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { warehouseConfigFromEnv } from "../../warehouse/src/index.js";
import { serverConfigFromEnv } from "../../server/src/config.js";

// Docker cannot run on the machine this is developed on, so the files are checked against the code instead.
const dir = fileURLToPath(new URL("../", import.meta.url));
const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}
interface Compose {
  services: Record<string, Service>;
}

const compose = parse(read("compose.yml")) as Compose;
const cluster = parse(read("compose.cluster.yml"), { merge: true }) as Compose;

/** What the platform container would run with, with the compose ${VAR:?…} placeholders filled. */
function platformEnv(file: Compose): Record<string, string> {
  const env = file.services.platform?.environment ?? {};
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{[A-Z_]+:\?[^}]*\}/gu, "secret")]));
}

describe("docker/compose.yml", () => {
  it("runs a pinned ClickHouse server with a health check, and the platform only once it is healthy", () => {
    const clickhouse = compose.services.clickhouse;
    expect(clickhouse?.image).toMatch(/^clickhouse\/clickhouse-server:\d+\.\d+\.\d+(\.\d+)?$/u);
    expect(clickhouse?.healthcheck?.test.join(" ")).toContain("8123/ping");
    expect(compose.services.platform?.depends_on?.clickhouse?.condition).toBe("service_healthy");
    expect(compose.services.platform?.build).toEqual({ context: "..", dockerfile: "docker/Dockerfile" });
  });

  it("configures the platform with variables the code reads, pointing at the clickhouse service", () => {
    const env = platformEnv(compose);
    const config = serverConfigFromEnv(env, "/app");
    expect(config.warehouse).toMatchObject({ mode: "server", url: "http://clickhouse:8123", user: "corridor", database: "corridor", cluster: null });
    expect(compose.services.clickhouse?.environment?.CLICKHOUSE_DB).toBe(config.warehouse.database);
    expect(compose.services.clickhouse?.environment?.CLICKHOUSE_USER).toBe(config.warehouse.user);
    expect(compose.services.clickhouse?.expose).toContain(new URL(config.warehouse.url ?? "").port);
    expect(config.host).toBe("0.0.0.0");
    expect(compose.services.platform?.ports).toEqual([`${config.port}:${config.port}`]);
    // No secret is written into the file: passwords come from the environment of `docker compose`.
    expect(read("compose.yml")).not.toMatch(/PASSWORD: (?!\$\{)/u);
  });
});

describe("docker/compose.cluster.yml", () => {
  it("runs two shards × two replicas with Keeper, and the platform on the cluster flavour", () => {
    const nodes = Object.keys(cluster.services).filter((name) => name.startsWith("ch-"));
    expect(nodes.sort()).toEqual(["ch-s1r1", "ch-s1r2", "ch-s2r1", "ch-s2r2"]);
    const env = platformEnv(cluster);
    const config = warehouseConfigFromEnv(env, "/app");
    expect(config).toMatchObject({ mode: "server", cluster: "corridor_cluster" });
    expect(nodes).toContain(new URL(config.url ?? "").hostname);
    for (const node of nodes) {
      const service = cluster.services[node] as Service;
      expect(service.image).toBe(compose.services.clickhouse?.image);
      expect(service.depends_on?.keeper?.condition).toBe("service_healthy");
      expect(cluster.services.platform?.depends_on?.[node]?.condition).toBe("service_healthy");
      const macros = read(`cluster/macros/${node}.xml`);
      const [, shard] = /^ch-s(\d)r(\d)$/u.exec(node) ?? [];
      expect(macros).toContain(`<shard>${shard}</shard>`);
      expect(macros).toContain(`<replica>${node}</replica>`);
      expect(macros).toContain(`<cluster>${config.cluster}</cluster>`);
      expect(service.volumes).toContain(`./cluster/macros/${node}.xml:/etc/clickhouse-server/config.d/macros.xml:ro`);
    }
  });

  it("declares the same cluster name, shards and Keeper address the compose file uses", () => {
    const xml = read("cluster/cluster.xml");
    expect(xml).toContain("<corridor_cluster>");
    const shards = [...xml.matchAll(/<shard>([\s\S]*?)<\/shard>/gu)].map((m) => [...(m[1] ?? "").matchAll(/<host>([^<]+)<\/host>/gu)].map((h) => h[1]));
    expect(shards).toEqual([
      ["ch-s1r1", "ch-s1r2"],
      ["ch-s2r1", "ch-s2r2"],
    ]);
    expect(xml).toContain("<host>keeper</host><port>9181</port>");
    expect(cluster.services.keeper?.expose).toContain("9181");
    expect(read("cluster/users.xml")).toContain('<password from_env="CLICKHOUSE_PASSWORD"/>');
  });
});

describe("docker/Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  it("builds on a pinned Node 20 image, installs from the lockfile, and starts the built server", () => {
    for (const from of dockerfile.matchAll(/^FROM (\S+)/gmu)) expect(from[1]).toMatch(/^node:20\.\d+\.\d+-bookworm-slim$/u);
    expect(dockerfile).toContain("pnpm install --frozen-lockfile");
    expect(dockerfile).toContain("npm install -g pnpm@10.34.9");
    expect(dockerfile).toContain('"server/dist/main.js"]');
    expect(dockerfile).toMatch(/ENV .*PORT=4000/u);
    expect(dockerfile).toContain("EXPOSE 4000");
    expect(dockerfile).toContain("USER node");
    // Every workspace package's manifest is copied before install.
    const workspace = parse(fs.readFileSync(path.join(dir, "..", "pnpm-workspace.yaml"), "utf8")) as { packages: string[] };
    for (const pkg of workspace.packages) expect(dockerfile).toContain(`COPY ${pkg}/package.json ${pkg}/`);
  });
});
