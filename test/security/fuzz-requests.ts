import { callOf, named, printType, printValue, rootFields, valueFor, type Field, type Schema, type TypeRef } from "./schema-walk.js";

// The fuzz test's requests, generated from a seed so every run sends the same ones: valid operations
// built from the live schema with random arguments and selections, mutated documents, wrong variables,
// broken JSON, wrong content types and methods, oversized bodies, junk credentials.

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzRequest {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
}

const STRINGS = ["2024-10-01", "2024-11-01", "2023-10-01", "2024-02-30", "BF", "ML", "NE", "TG", "ZZ", "bf", "Africa/Lome", "UTC", "Mars/Olympus", "10", "V", "XXI", "x", "", "ok", "error", "refused", "admin", "' OR 1=1 --", "é", "\u0000", "9".repeat(30)];
const INTS = [0, 1, 2, 5, 20, -1, 1000, 10_000, 10_001, 2_147_483_647, -2_147_483_648];
const FLOATS = [0, 0.0025, 0.1, 0.5, 1, -1, 1.5, 1e10, 5e-324];
const ODD_VALUES: unknown[] = [null, true, false, 0, -0, 1e308, -1e308, 2 ** 53 + 1, 0.1, "", "x".repeat(2000), [], [[[[[]]]]], {}, { a: { b: { c: [1, "2", null] } } }, "null", "[]", "{}", Number.MAX_SAFE_INTEGER, "🙂", "\ud83d"];
const TOKENS = ["{", "}", "(", ")", "[", "]", ":", "$", "@", "...", "!", "=", ",", "|", "&", "query", "mutation", "subscription", "fragment", "on", "null", "true", "__typename", "__schema", "me", "metrics", "login", '"x"', "1e999", "-0", "9999999999999999999999", '"""block"""', "#comment\n", "\u2028", "\ud800", "é", "🙂"];

export class Generator {
  private readonly random: () => number;
  constructor(
    seed: number,
    private readonly schema: Schema,
    private readonly cookie: string,
  ) {
    this.random = prng(seed);
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }
  private pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  private chance(p: number): boolean {
    return this.random() < p;
  }

  /** A random value of `ref`, mostly of the right type. */
  private randomValue(ref: TypeRef, depth = 0): unknown {
    if (ref.kind === "NON_NULL") return this.randomValue(ref.ofType as TypeRef, depth);
    if (this.chance(0.03)) return this.pick(ODD_VALUES);
    if (ref.kind === "LIST") return Array.from({ length: this.int(4) }, () => this.randomValue(ref.ofType as TypeRef, depth + 1));
    const type = this.schema.types.get(ref.name as string);
    if (!type) return null;
    if (type.kind === "ENUM") return this.pick(type.enumValues ?? [{ name: "X" }]).name;
    if (type.kind === "INPUT_OBJECT") {
      if (depth > 4) return {};
      const value: Record<string, unknown> = {};
      for (const field of type.inputFields ?? []) {
        if (field.type.kind === "NON_NULL" || this.chance(0.4)) value[field.name] = this.randomValue(field.type, depth + 1);
      }
      return value;
    }
    switch (type.name) {
      case "Int":
        return this.pick(INTS);
      case "Float":
        return this.pick(FLOATS);
      case "Boolean":
        return this.chance(0.5);
      default:
        return this.pick(STRINGS);
    }
  }

  /** A random selection of an object type: some of its fields, a few levels down. */
  private randomSelection(ref: TypeRef, depth: number): string {
    const type = this.schema.types.get(named(ref).name as string);
    if (!type || type.kind !== "OBJECT") return "";
    const fields = (type.fields ?? []).filter((f) => !f.args.some((a) => a.type.kind === "NON_NULL" && a.defaultValue === null));
    const parts: string[] = [];
    for (const field of fields) {
      if (!this.chance(parts.length === 0 ? 0.6 : 0.35)) continue;
      const inner = this.schema.types.get(named(field.type).name as string);
      const alias = this.chance(0.05) ? `a${this.int(100)}: ` : "";
      if (inner?.kind === "OBJECT") {
        if (depth > 0) parts.push(`${alias}${field.name} ${this.randomSelection(field.type, depth - 1)}`);
      } else {
        parts.push(`${alias}${field.name}`);
      }
    }
    if (parts.length === 0) {
      const scalar = fields.find((f) => this.schema.types.get(named(f.type).name as string)?.kind !== "OBJECT");
      if (scalar) parts.push(scalar.name);
      else if (fields[0]) parts.push(`${fields[0].name} ${this.randomSelection(fields[0].type, 0)}`);
    }
    return `{ ${parts.join(" ")} }`;
  }

  /** A valid-looking operation on one or two root fields, with random arguments. */
  private validOperation(): { query: string; variables: Record<string, unknown> } {
    const roots = rootFields(this.schema);
    const mutation = this.chance(0.08);
    const candidates = roots.filter((r) => (r.operation === "mutation") === mutation);
    const chosen: Field[] = [this.pick(candidates).field];
    if (!mutation && this.chance(0.2)) chosen.push(this.pick(candidates).field);
    if (this.chance(0.25) && chosen.length === 1) {
      // The schema's own valid call, selection and all.
      return callOf(mutation ? "mutation" : "query", chosen[0] as Field, this.schema, null, undefined, this.chance(0.5));
    }
    const variables: Record<string, unknown> = {};
    const definitions: string[] = [];
    const selections = chosen.map((field, i) => {
      const args: string[] = [];
      for (const arg of field.args) {
        const required = arg.type.kind === "NON_NULL" && arg.defaultValue === null;
        if (!required && !this.chance(0.5)) continue;
        const value = this.chance(0.6) ? valueFor(arg.type, this.schema, field.name, arg.name) : this.randomValue(arg.type);
        if (this.chance(0.5)) {
          const name = `${arg.name}${i}`;
          definitions.push(`$${name}: ${printType(arg.type)}`);
          variables[name] = value;
          args.push(`${arg.name}: $${name}`);
        } else {
          args.push(`${arg.name}: ${printValue(value, arg.type, this.schema)}`);
        }
      }
      const alias = i > 0 ? `f${i}: ` : "";
      return `${alias}${field.name}${args.length > 0 ? `(${args.join(", ")})` : ""} ${this.randomSelection(field.type, 3)}`;
    });
    const name = this.chance(0.3) ? ` Op${this.int(1000)}` : "";
    const head = `${mutation ? "mutation" : "query"}${name}${definitions.length > 0 ? `(${definitions.join(", ")})` : ""}`;
    return { query: `${head} { ${selections.join(" ")} }`, variables };
  }

  /** A document with a few tokens deleted, doubled, swapped or inserted. */
  private mutatedDocument(query: string): string {
    const tokens = query.match(/"(?:[^"\\]|\\.)*"|\.\.\.|[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\$|[{}()[\]:!=@,|&]|\S/gu) ?? [];
    const edits = 1 + this.int(3);
    for (let e = 0; e < edits && tokens.length > 0; e++) {
      const at = this.int(tokens.length);
      switch (this.int(8)) {
        case 0:
          tokens.splice(at, 1);
          break;
        case 1:
          tokens.splice(at, 0, tokens[at] as string);
          break;
        case 2:
          tokens.splice(at, 0, this.pick(TOKENS));
          break;
        case 3:
          if (at + 1 < tokens.length) [tokens[at], tokens[at + 1]] = [tokens[at + 1] as string, tokens[at] as string];
          break;
        case 4:
          tokens.splice(at, 0, String.fromCodePoint(this.int(0x2ffff)));
          break;
        case 5: {
          const i = tokens.findIndex((t) => /^-?\d/u.test(t));
          if (i >= 0) tokens[i] = this.pick(["1e400", "-9223372036854775809", "0.0000000000000000000001", "NaN", "2147483648", "-0"]);
          break;
        }
        case 6: {
          const n = 5 + this.int(40);
          tokens.splice(at, 0, `${"me {".repeat(n)} login ${"}".repeat(n)}`);
          break;
        }
        default: {
          const i = tokens.findIndex((t) => t === "query" || t === "mutation");
          if (i >= 0) tokens[i] = this.pick(["subscription", "mutation", "query", "fragment", "Query", ""]);
        }
      }
    }
    return tokens.join(" ");
  }

  private json(kind: string, body: unknown, extra: Record<string, string> = {}): FuzzRequest {
    return { kind, method: "POST", path: "graphql", headers: { "content-type": "application/json", cookie: this.cookie, ...extra }, body: JSON.stringify(body) };
  }

  next(): FuzzRequest {
    const roll = this.random();
    if (roll < 0.3) {
      const op = this.validOperation();
      return this.json("valid", op);
    }
    if (roll < 0.52) {
      const op = this.validOperation();
      return this.json("mutated", { query: this.mutatedDocument(op.query), variables: op.variables });
    }
    if (roll < 0.64) {
      const op = this.validOperation();
      const names = Object.keys(op.variables);
      const variables: unknown = this.chance(0.15) ? this.pick(["x", 1, [], null, true, "{}"]) : { ...op.variables };
      if (variables && typeof variables === "object" && !Array.isArray(variables)) {
        const v = variables as Record<string, unknown>;
        if (names.length > 0) v[this.pick(names)] = this.pick(ODD_VALUES);
        if (this.chance(0.3)) v[`extra${this.int(9)}`] = this.pick(ODD_VALUES);
      }
      const body: Record<string, unknown> = { query: op.query, variables };
      if (this.chance(0.1)) body.operationName = this.pick(["Nope", "", 42, null, "Op1"]);
      if (this.chance(0.05)) body.extensions = { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } };
      return this.json("variables", body);
    }
    if (roll < 0.74) {
      const valid = JSON.stringify(this.validOperation());
      const bodies: (string | Uint8Array)[] = [
        valid.slice(0, this.int(valid.length)),
        `${valid}${this.pick(["}", "]", ",", "x", "\u0000"])}`,
        valid.replace(/"/u, "'"),
        `\ufeff${valid}`,
        `{"query": ${this.pick(['"{ me { login } }"', "1", "null", "[]", "{}", "true"])}}`,
        `{"query":"{ me { login } }","query":"{ nope }"}`,
        "[".repeat(5000 + this.int(5000)) + "]".repeat(1000),
        Uint8Array.from({ length: 20 + this.int(200) }, () => this.int(256)),
        Uint8Array.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]),
        "",
        "null",
        JSON.stringify([{ query: "{ me { login } }" }, { query: "{ me { login } }" }]),
      ];
      return { kind: "broken-json", method: "POST", path: "graphql", headers: { "content-type": "application/json", cookie: this.cookie }, body: this.pick(bodies) };
    }
    if (roll < 0.82) {
      const op = this.validOperation();
      const contentType = this.pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/graphql", "application/json; charset=utf-16", "application/json; charset=latin1", "", "*/*", "application/JSON"]);
      const method = this.pick(["POST", "POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]);
      const headers: Record<string, string> = { cookie: this.cookie };
      if (contentType) headers["content-type"] = contentType;
      if (this.chance(0.3)) headers["apollo-require-preflight"] = "1";
      if (method === "GET" || method === "HEAD") {
        const search = new URLSearchParams({ query: op.query, variables: JSON.stringify(op.variables) });
        return { kind: "method", method, path: `graphql?${search.toString()}`, headers };
      }
      return { kind: "content-type", method, path: "graphql", headers, body: contentType.startsWith("application/x-www") ? `query=${encodeURIComponent(op.query)}` : JSON.stringify(op) };
    }
    if (roll < 0.9) {
      const input = this.schema.types.get("MetricQueryInput");
      const ref: TypeRef = { kind: "INPUT_OBJECT", name: input?.name ?? "MetricQueryInput", ofType: null };
      const query = this.chance(0.5) ? valueFor(ref, this.schema, "csv", "query") : this.randomValue(ref);
      const body = this.chance(0.1) ? this.pick(["{", "null", "[]", '"x"', "{}"]) : JSON.stringify({ query, language: this.pick(["fr", "en", "de", 1, null]) });
      return { kind: "csv", method: "POST", path: "api/metrics.csv", headers: { "content-type": this.pick(["application/json", "application/json", "text/plain"]), cookie: this.cookie }, body };
    }
    if (roll < 0.95) {
      const junk = this.pick(["%", "%E0%A4%A", "a".repeat(100), "", "ck_" + "f".repeat(32) + "_" + "x".repeat(43), "\u00e9", "corridor_session=1; corridor_session=2"]);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (this.chance(0.5)) headers.authorization = this.pick(["Bearer ", "Bearer x", "Basic Og==", `Bearer ${junk}`, "bearer ck_" + "0".repeat(32) + "_" + "A".repeat(30)]);
      else headers.cookie = `corridor_session=${encodeURIComponent(junk).replace(/%25/gu, this.chance(0.5) ? "%" : "%25")}`;
      const target = this.pick(["graphql", "api/metrics.csv", "auth/me", "auth/logout"]);
      return { kind: "credentials", method: target === "auth/me" ? "GET" : "POST", path: target, headers, body: target === "auth/me" ? undefined : JSON.stringify({ query: "{ me { login } }" }) };
    }
    if (roll < 0.965) {
      const body = this.pick([JSON.stringify({ login: this.pick(STRINGS), password: this.pick(STRINGS) }), JSON.stringify({ login: this.pick(ODD_VALUES), password: this.pick(ODD_VALUES) }), "{", "", "x".repeat(5000)]);
      return { kind: "login", method: "POST", path: "auth/login", headers: { "content-type": this.pick(["application/json", "text/plain"]) }, body };
    }
    if (roll < 0.99) {
      // The other routes: report documents (id and format from the URL), the CLI's internal channel, sign-out.
      const junk = this.pick(["00000000-0000-0000-0000-000000000000", "..%2f..%2fetc%2fpasswd", "%00", "x".repeat(300), "1%20OR%201=1", "%E0%A4%A", ""]);
      const route = this.int(3);
      if (route === 0) return { kind: "other-routes", method: "GET", path: `api/reports/runs/${junk}/${this.pick(["pdf", "xlsx", "csv", "json", junk])}${this.chance(0.3) ? `?language=${this.pick(["fr", "en", "de", junk])}` : ""}`, headers: { cookie: this.cookie } };
      if (route === 1) return { kind: "other-routes", method: "POST", path: "internal/etl", headers: { "content-type": "application/json", authorization: `Bearer ${junk}` }, body: JSON.stringify({ argv: ["status"] }) };
      return { kind: "other-routes", method: "POST", path: "auth/logout", headers: { cookie: this.cookie.replace(/=.*/u, `=${junk}`) } };
    }
    // Oversized: a GraphQL body past its limit, a CSV body past 256 kB, a document of many tokens.
    const which = this.int(3);
    if (which === 0) return this.json("oversized", { query: "{ me { login } }", variables: { pad: "x".repeat(15 * 1024 * 1024) } });
    if (which === 1) return { kind: "oversized", method: "POST", path: "api/metrics.csv", headers: { "content-type": "application/json", cookie: this.cookie }, body: JSON.stringify({ query: { pad: "x".repeat(300_000) } }) };
    return this.json("oversized", { query: `{ ${"me { login } ".repeat(2000)} }` });
  }
}
