import type { TypedDocumentString } from "../gql/graphql";

/** The window event an API call raises when the server refuses its credentials (HTTP 401); its detail is the code. */
export const CREDENTIALS_REFUSED = "corridor:credentials-refused";

/** A failed API call, with the server's stable error code when it gave one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs a typed operation to /graphql on the same origin. */
export async function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, signal?: AbortSignal): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: document.toString(), variables }),
      credentials: "same-origin",
      signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError("network unavailable", "NETWORK");
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(`HTTP ${response.status}`, "BAD_RESPONSE");
  }
  const first = body.errors?.[0];
  // Credentials refused (a session ended by inactivity, a disabled account): the session provider shows the sign-in form.
  if (response.status === 401) window.dispatchEvent(new CustomEvent(CREDENTIALS_REFUSED, { detail: first?.extensions?.code ?? "UNAUTHENTICATED" }));
  if (first) throw new ApiError(first.message, first.extensions?.code ?? "UNKNOWN");
  if (!response.ok || body.data == null) throw new ApiError(`HTTP ${response.status}`, "BAD_RESPONSE");
  return body.data;
}
