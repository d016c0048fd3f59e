import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { Context } from "../graphql/context.js";

/**
 * Queries and mutations only: the schema has no subscriptions, and graphql-js
 * answers one with an error that carries no code (it would read as an
 * internal error). Refused here with a plain reason instead.
 */
export function operationKindPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === "subscription") {
            throw new GraphQLError("Pas d'abonnements : requêtes (query) et mutations seulement. / No subscriptions: queries and mutations only.", { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
          }
        },
      };
    },
  };
}
