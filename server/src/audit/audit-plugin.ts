import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../graphql/context.js";
import type { AuditLog } from "./audit-log.js";

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Records every GraphQL request in the audit log once its answer is ready: who, what, how long, how it ended. */
export function auditPlugin(audit: AuditLog): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ request, response, operation, errors }) {
          const body = response.body.kind === "single" ? response.body.singleResult : null;
          const codes = [...(errors ?? []), ...(body?.errors ?? [])].map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
          const query = request.query ?? "";
          audit.record({
            entry: "graphql",
            principal: contextValue.principal,
            address: contextValue.address,
            operationType: operation?.operation ?? "unknown",
            operationName: request.operationName ?? operation?.name?.value ?? "",
            queryHash: sha256(query),
            query,
            variables: request.variables ?? {},
            durationMs: performance.now() - started,
            httpStatus: response.http.status ?? 200,
            outcome: codes.length === 0 ? "ok" : "error",
            errorCodes: codes,
          });
        },
      };
    },
  };
}
