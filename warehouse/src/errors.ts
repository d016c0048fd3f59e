/**
 * Typed warehouse errors. ClickHouse errors are recognised by their `code`/`type`
 * fields, never by `instanceof`: chdb throws the ClickHouseError class of its own
 * copy of @clickhouse/client-common, which is not the class the client exports.
 */
export type WarehouseErrorKind =
  | "timeout" // the statement ran past its time limit
  | "cancelled" // the caller aborted it
  | "syntax" // the SQL did not parse: a bug in our SQL, never user input
  | "unknown_object" // table, column, database or function missing: schema not migrated, or a bug
  | "bad_parameter" // a bound parameter did not fit its declared type
  | "bad_data" // inserted data did not parse
  | "limit" // memory, result size or similar limit reached
  | "access" // authentication or permission refused
  | "unavailable" // the server cannot be reached
  | "locked" // the embedded data directory is owned by another process
  | "engine"; // anything else the engine reported

export class WarehouseError extends Error {
  constructor(
    readonly kind: WarehouseErrorKind,
    message: string,
    /** The statement's tag (also its log_comment), so logs lead back to the call site. */
    readonly tag: string,
    /** ClickHouse's numeric error code as a string, when the engine gave one. */
    readonly code: string | null = null,
    /** ClickHouse's error type name, such as TIMEOUT_EXCEEDED. */
    readonly type: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "WarehouseError";
  }
}

/**
 * ClickHouse error codes we act on, with their type names. The code is what we
 * trust: the client derives `type` from the message text, which for a syntax
 * error can be a word of the SQL (seen: type "COMMENT" for code 62).
 */
const KNOWN_CODES: Readonly<Record<string, readonly [type: string, kind: WarehouseErrorKind]>> = {
  "159": ["TIMEOUT_EXCEEDED", "timeout"],
  "209": ["SOCKET_TIMEOUT", "timeout"],
  "394": ["QUERY_WAS_CANCELLED", "cancelled"],
  "62": ["SYNTAX_ERROR", "syntax"],
  "16": ["NO_SUCH_COLUMN_IN_TABLE", "unknown_object"],
  "46": ["UNKNOWN_FUNCTION", "unknown_object"],
  "47": ["UNKNOWN_IDENTIFIER", "unknown_object"],
  "60": ["UNKNOWN_TABLE", "unknown_object"],
  "81": ["UNKNOWN_DATABASE", "unknown_object"],
  "456": ["UNKNOWN_QUERY_PARAMETER", "bad_parameter"],
  "457": ["BAD_QUERY_PARAMETER", "bad_parameter"],
  "130": ["CANNOT_READ_ARRAY_FROM_TEXT", "bad_parameter"],
  "6": ["CANNOT_PARSE_TEXT", "bad_data"],
  "27": ["CANNOT_PARSE_INPUT_ASSERTION_FAILED", "bad_data"],
  "38": ["CANNOT_PARSE_DATE", "bad_data"],
  "41": ["CANNOT_PARSE_DATETIME", "bad_data"],
  "53": ["TYPE_MISMATCH", "bad_data"],
  "72": ["CANNOT_PARSE_NUMBER", "bad_data"],
  "117": ["INCORRECT_DATA", "bad_data"],
  "158": ["TOO_MANY_ROWS", "limit"],
  "202": ["TOO_MANY_SIMULTANEOUS_QUERIES", "limit"],
  "241": ["MEMORY_LIMIT_EXCEEDED", "limit"],
  "396": ["TOO_MANY_ROWS_OR_BYTES", "limit"],
  "164": ["READONLY", "access"],
  "194": ["REQUIRED_PASSWORD", "access"],
  "497": ["ACCESS_DENIED", "access"],
  "516": ["AUTHENTICATION_FAILED", "access"],
};

const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "EPIPE"]);

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Maps anything a ClickHouse call can throw onto a WarehouseError, keeping the original as `cause`. */
export function toWarehouseError(error: unknown, tag: string): WarehouseError {
  if (error instanceof WarehouseError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = field(error, "code");
  const type = field(error, "type");
  if (typeof code === "string" && typeof type === "string") {
    // The client appends the FORMAT clause it added to the end of syntax errors; drop it from what people read.
    const clean = message.replace(/\s*FORMAT JSONEachRow\s*$/u, "").trim();
    const known = KNOWN_CODES[code];
    return new WarehouseError(known?.[1] ?? "engine", clean, tag, code, known?.[0] ?? type, { cause: error });
  }
  if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) {
    const kind = error.name === "TimeoutError" || /timeout/iu.test(message) ? "timeout" : "cancelled";
    return new WarehouseError(kind, message, tag, null, null, { cause: error });
  }
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) {
    return new WarehouseError("unavailable", `ClickHouse injoignable / unreachable (${code})`, tag, code, null, { cause: error });
  }
  if (/Timeout error/iu.test(message)) return new WarehouseError("timeout", message, tag, null, null, { cause: error });
  return new WarehouseError("engine", message, tag, null, null, { cause: error });
}
