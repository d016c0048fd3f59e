import type { Credentials } from "../support/spawn-server.js";
import { gql } from "./support.js";

// The live schema, read by introspection over HTTP, and what the injection
// and fuzz tests build from it: valid argument values, variable types,
// selections, and every place a string goes in. New arguments are covered
// without touching the tests.

export interface TypeRef {
  readonly kind: "SCALAR" | "OBJECT" | "INTERFACE" | "UNION" | "ENUM" | "INPUT_OBJECT" | "LIST" | "NON_NULL";
  readonly name: string | null;
  readonly ofType: TypeRef | null;
}

export interface InputValue {
  readonly name: string;
  readonly type: TypeRef;
  readonly defaultValue: string | null;
}

export interface Field {
  readonly name: string;
  readonly args: readonly InputValue[];
  readonly type: TypeRef;
}

export interface NamedType {
  readonly kind: TypeRef["kind"];
  readonly name: string;
  readonly fields: readonly Field[] | null;
  readonly inputFields: readonly InputValue[] | null;
  readonly enumValues: readonly { readonly name: string }[] | null;
}

export interface Schema {
  readonly types: ReadonlyMap<string, NamedType>;
  readonly query: NamedType;
  readonly mutation: NamedType | null;
}

const TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }";
const INTROSPECTION = `{ __schema { queryType { name } mutationType { name } types { kind name
  fields { name type { ${TYPE_REF} } args { name defaultValue type { ${TYPE_REF} } } }
  inputFields { name defaultValue type { ${TYPE_REF} } }
  enumValues { name } } } }`;

export async function introspect(url: string, credentials: Credentials): Promise<Schema> {
  const answer = await gql<{ __schema: { queryType: { name: string }; mutationType: { name: string } | null; types: NamedType[] } }>(url, INTROSPECTION, {}, credentials);
  const schema = answer.body?.data?.__schema;
  if (!schema) throw new Error(`introspection failed: ${answer.text.slice(0, 500)}`);
  const types = new Map(schema.types.map((t) => [t.name, t]));
  return { types, query: types.get(schema.queryType.name) as NamedType, mutation: schema.mutationType ? (types.get(schema.mutationType.name) as NamedType) : null };
}

/** The named type under lists and non-nulls. */
export function named(ref: TypeRef): TypeRef {
  return ref.ofType ? named(ref.ofType) : ref;
}

/** `[String!]!` as a variable definition writes it. */
export function printType(ref: TypeRef): string {
  if (ref.kind === "NON_NULL") return `${printType(ref.ofType as TypeRef)}!`;
  if (ref.kind === "LIST") return `[${printType(ref.ofType as TypeRef)}]`;
  return ref.name as string;
}

/** A value as a GraphQL literal (enums bare, strings quoted). */
export function printValue(value: unknown, ref: TypeRef, schema: Schema): string {
  if (value === null || value === undefined) return "null";
  if (ref.kind === "NON_NULL") return printValue(value, ref.ofType as TypeRef, schema);
  if (ref.kind === "LIST") return Array.isArray(value) ? `[${value.map((v) => printValue(v, ref.ofType as TypeRef, schema)).join(", ")}]` : printValue(value, ref.ofType as TypeRef, schema);
  const type = schema.types.get(ref.name as string);
  if (type?.kind === "ENUM") return String(value);
  if (type?.kind === "INPUT_OBJECT" && typeof value === "object") {
    const fields = type.inputFields ?? [];
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${printValue(v, fields.find((f) => f.name === k)?.type ?? { kind: "SCALAR", name: "String", ofType: null }, schema)}`)
      .join(", ")} }`;
  }
  return JSON.stringify(value);
}

/**
 * Values that make each argument valid on the samples, by `Type.field` or by
 * name; anything else gets a plain value of its type. The tests change one
 * place at a time, so the others must be right for the changed one to matter.
 */
const KNOWN: Record<string, unknown> = {
  "PeriodInput.from": "2024-10-01",
  "PeriodInput.to": "2024-11-01",
  timeZone: "Africa/Lome",
  countries: ["BF"],
  "FilterInput.values": ["BF"],
  "ChapterRateInput.chapter": "10",
  "ChapterRateInput.rate": 0.1,
  "BandChangeInput.fromRate": 0.1,
  "BandChangeInput.toRate": 0.15,
  rate: 0.0025,
  "NewUserInput.displayName": "Compte d'essai",
  "NewUserInput.password": "un mot de passe assez long",
  "NewUserInput.language": "fr",
  "NewApiKeyInput.name": "essai",
  fileName: "essai.txt",
  contentBase64: "eA==",
  id: "00000000-0000-0000-0000-000000000000",
  limit: 5,
};
const ENUMS: Record<string, string> = { Dimension: "COUNTRY", Measure: "TONNES", Statistic: "VALUE", TimeGrain: "NONE", Role: "ANALYST" };
/** Arguments a valid call leaves out although they are nullable. */
const LEAVE_OUT = new Set(["NewUserInput.country", "NewApiKeyInput.forLogin", "NewApiKeyInput.expiresInDays", "tariffScenario.chapters", "MetricQueryInput.orderBy"]);

let serial = 0;
/** A login nobody has yet, so createUser gets past "already exists". */
export const freshLogin = () => `essai${process.pid}x${++serial}`;

/**
 * A valid value for an argument or input field of type `ref`, with `replace`
 * put at `path` (names of input fields, 0 for a list's element).
 */
export function valueFor(ref: TypeRef, schema: Schema, owner: string, name: string, path: readonly (string | number)[] = [], replace?: unknown): unknown {
  if (path.length === 0 && replace !== undefined) return replace;
  if (ref.kind === "NON_NULL") return valueFor(ref.ofType as TypeRef, schema, owner, name, path, replace);
  if (ref.kind === "LIST") {
    const known = KNOWN[`${owner}.${name}`] ?? KNOWN[name];
    if (path.length === 0 && Array.isArray(known)) return known;
    return [valueFor(ref.ofType as TypeRef, schema, owner, name, path[0] === 0 ? path.slice(1) : path, replace)];
  }
  const known = KNOWN[`${owner}.${name}`] ?? KNOWN[name];
  if (known !== undefined && path.length === 0) return known;
  const type = schema.types.get(ref.name as string);
  if (!type) return null;
  if (type.kind === "ENUM") return ENUMS[type.name] ?? type.enumValues?.[0]?.name;
  if (type.kind === "INPUT_OBJECT") {
    const value: Record<string, unknown> = {};
    for (const field of type.inputFields ?? []) {
      const onPath = path[0] === field.name;
      const required = field.type.kind === "NON_NULL" && field.defaultValue === null;
      if (!onPath && !required) continue;
      if (!onPath && LEAVE_OUT.has(`${type.name}.${field.name}`)) continue;
      value[field.name] = valueFor(field.type, schema, type.name, field.name, onPath ? path.slice(1) : [], onPath ? replace : undefined);
    }
    if (type.name === "NewUserInput" && !(path[0] === "login")) value.login = freshLogin();
    return value;
  }
  switch (type.name) {
    case "Int":
      return 1;
    case "Float":
      return 0.1;
    case "Boolean":
      return false;
    case "DateTimeISO":
      return "2024-10-01T00:00:00Z";
    default:
      return "x";
  }
}

/** Every place a string goes into field `field` (its arguments, and string fields of input objects inside them). */
export function stringPlaces(field: Field, schema: Schema): { arg: InputValue; path: (string | number)[] }[] {
  const places: { arg: InputValue; path: (string | number)[] }[] = [];
  const walk = (ref: TypeRef, arg: InputValue, path: (string | number)[], seen: ReadonlySet<string>) => {
    if (ref.kind === "NON_NULL") return walk(ref.ofType as TypeRef, arg, path, seen);
    if (ref.kind === "LIST") return walk(ref.ofType as TypeRef, arg, [...path, 0], seen);
    const type = schema.types.get(ref.name as string);
    if (!type) return;
    if (type.kind === "SCALAR" && (type.name === "String" || type.name === "ID")) places.push({ arg, path });
    if (type.kind === "INPUT_OBJECT" && !seen.has(type.name)) {
      for (const f of type.inputFields ?? []) walk(f.type, arg, [...path, f.name], new Set([...seen, type.name]));
    }
  };
  for (const arg of field.args) walk(arg.type, arg, [], new Set());
  return places;
}

/** A selection of `ref`: its scalar fields, and those of its object fields, `depth` levels down. */
export function selectionFor(ref: TypeRef, schema: Schema, depth = 3): string {
  const type = schema.types.get(named(ref).name as string);
  if (!type || type.kind !== "OBJECT") return "";
  const parts: string[] = [];
  for (const field of type.fields ?? []) {
    if (field.args.some((a) => a.type.kind === "NON_NULL" && a.defaultValue === null)) continue;
    const inner = schema.types.get(named(field.type).name as string);
    if (inner?.kind === "OBJECT") {
      if (depth > 1) {
        const nested = selectionFor(field.type, schema, depth - 1);
        if (nested) parts.push(`${field.name} ${nested}`);
      }
    } else {
      parts.push(field.name);
    }
  }
  return parts.length > 0 ? `{ ${parts.join(" ")} }` : "";
}

/** The root fields of the schema, queries then mutations. */
export function rootFields(schema: Schema): { operation: "query" | "mutation"; field: Field }[] {
  return [
    ...(schema.query.fields ?? []).map((field) => ({ operation: "query" as const, field })),
    ...(schema.mutation?.fields ?? []).map((field) => ({ operation: "mutation" as const, field })),
  ];
}

/**
 * A call of root field `field` with every argument valid except `replace` at
 * `place`: as a document with variables, or with the values written inline.
 */
export function callOf(operation: "query" | "mutation", field: Field, schema: Schema, place: { arg: InputValue; path: (string | number)[] } | null, replace: unknown, inline: boolean): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const args: string[] = [];
  for (const arg of field.args) {
    const onPath = place?.arg.name === arg.name;
    const required = arg.type.kind === "NON_NULL" && arg.defaultValue === null;
    if (!onPath && !required && (LEAVE_OUT.has(`${field.name}.${arg.name}`) || KNOWN[arg.name] === undefined)) continue;
    const value = valueFor(arg.type, schema, field.name, arg.name, onPath ? (place?.path ?? []) : [], onPath ? replace : undefined);
    if (inline) {
      args.push(`${arg.name}: ${printValue(value, arg.type, schema)}`);
    } else {
      definitions.push(`$${arg.name}: ${printType(arg.type)}`);
      args.push(`${arg.name}: $${arg.name}`);
      variables[arg.name] = value;
    }
  }
  const head = definitions.length > 0 ? `${operation}(${definitions.join(", ")})` : operation;
  return { query: `${head} { ${field.name}${args.length > 0 ? `(${args.join(", ")})` : ""} ${selectionFor(field.type, schema)} }`, variables };
}
