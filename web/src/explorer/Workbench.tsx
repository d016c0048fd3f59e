// GraphiQL and its Monaco editors: a chunk of its own, loaded after the page's header.
// Monaco's workers (editor, JSON, GraphQL) are bundled by Vite as files under /assets/
// (graphiql's documented Vite setup), so nothing is fetched from another origin.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { EXAMPLES, variablesText, type ExplorerExample } from "./examples";

// Same origin, with the dashboard's HttpOnly session cookie; an API key typed in
// GraphiQL's Headers tab goes along as a request header.
const fetcher = createGraphiQLFetcher({
  url: "/graphql",
  enableIncrementalDelivery: false,
  fetch: (input, init) => window.fetch(input, { ...init, credentials: "same-origin" }),
});

// Used on the first visit only: afterwards GraphiQL restores the visitor's own tabs.
const DEFAULT_TABS = EXAMPLES.map((example) => ({ query: example.query, variables: variablesText(example) ?? null }));

export interface WorkbenchProps {
  /** An example picked from the menu: opened in a new tab, or its tab brought forward. */
  readonly opened: ExplorerExample | null;
}

export default function Workbench({ opened }: WorkbenchProps) {
  return <GraphiQL fetcher={fetcher} defaultTabs={DEFAULT_TABS} initialQuery={opened?.query} initialVariables={opened ? variablesText(opened) : undefined} />;
}
