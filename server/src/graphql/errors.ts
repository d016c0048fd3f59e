import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "@corridor/warehouse";

/** Codes clients may act on; anything else becomes INTERNAL_SERVER_ERROR with a reference for support. */
const PUBLIC_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "PAYLOAD_TOO_LARGE",
  "NOT_AVAILABLE",
  // The cost limit of docs/security.md (depth and alias limits are validation errors).
  "QUERY_TOO_COSTLY",
]);

/** The first error named `name` in the chain of original errors and causes. */
function findNamed(error: unknown, name: string): (Error & Record<string, unknown>) | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current === "object" && current !== null && (current as { name?: unknown }).name === name) return current as Error & Record<string, unknown>;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return null;
}

const warehouseKind = (error: unknown): string | null => {
  const found = findNamed(error, "WarehouseError");
  return found ? String(found.kind) : null;
};

/**
 * Masks internal errors: clients get a stable code and a bilingual message,
 * never SQL, stack traces or engine text; the log keeps the detail under a
 * reference the client can quote.
 */
export function maskError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? "INTERNAL_SERVER_ERROR");
    if (PUBLIC_CODES.has(code)) return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    // A question the semantic layer cannot answer as asked: its message says what to change.
    const badQuestion = findNamed(error, "MetricQueryError");
    if (badQuestion) return { message: badQuestion.message, locations: formatted.locations, path: formatted.path, extensions: { code: "BAD_USER_INPUT" } };
    const outOfScope = findNamed(error, "ScopeError");
    if (outOfScope) return { message: outOfScope.message, locations: formatted.locations, path: formatted.path, extensions: { code: "FORBIDDEN" } };
    const kind = warehouseKind(error);
    if (kind === "limit") {
      return { message: "Réponse trop volumineuse : réduisez la période, les dimensions ou ajoutez des filtres. / The answer is too large: narrow the period or the dimensions, or add filters.", path: formatted.path, extensions: { code: "RESULT_TOO_LARGE" } };
    }
    if (kind === "timeout") {
      return { message: "La requête a dépassé son délai. Réduisez la période ou le détail demandé. / The query took too long: narrow the period or the detail asked for.", path: formatted.path, extensions: { code: "QUERY_TIMEOUT" } };
    }
    if (kind === "unavailable") {
      return { message: "L'entrepôt de données est momentanément injoignable. / The data warehouse cannot be reached right now.", path: formatted.path, extensions: { code: "WAREHOUSE_UNAVAILABLE" } };
    }
    const reference = randomUUID();
    logger.error({ reference, code, error: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, "internal error");
    return { message: `Erreur interne (référence ${reference}). / Internal error (reference ${reference}).`, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR", reference } };
  };
}
