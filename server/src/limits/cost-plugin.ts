import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import type { Context } from "../graphql/context.js";

/**
 * Refuses an operation whose cost is above `maxCost` before anything runs.
 * Costs come from the fields (costs.ts: a figure query costs by the
 * statements it sends to the warehouse), 1 for any other field. Computed
 * once the operation is known, with its variables, which a validation rule
 * could not see.
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not fit their types: execution reports them as BAD_USER_INPUT.
            return;
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Requête trop coûteuse : ${cost} pour un maximum de ${maxCost}. Demandez moins de mesures, d'alias ou de comparaisons. / Query too costly: ${cost} for a maximum of ${maxCost}. Ask for fewer measures, aliases or comparisons.`, {
              extensions: { code: "QUERY_TOO_COSTLY", cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
