import { GraphQLError } from "graphql";
import type { AuthChecker } from "type-graphql";
import type { Role } from "../auth/roles.js";
import type { Context } from "./context.js";

export const AUTHENTICATION_REQUIRED = "Authentification requise : connectez-vous ou présentez une clé d'API. / Authentication required: sign in or present an API key.";

export function unauthenticated(): GraphQLError {
  return new GraphQLError(AUTHENTICATION_REQUIRED, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

export function forbidden(): GraphQLError {
  return new GraphQLError("Votre rôle ne permet pas cette opération. / Your role does not allow this operation.", { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
}

/** @Authorized(): any signed-in user or key; @Authorized(...roles): one of those roles. */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (context.principal === null) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.principal.role)) throw forbidden();
  return true;
};
