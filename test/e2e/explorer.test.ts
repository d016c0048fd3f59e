import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, variablesText } from "../../web/src/explorer/examples.js";
import { browserTestsRunnable, launchChromium } from "../support/chromium.js";
import { watch } from "../support/page-checks.js";
import { graphql, signIn, spawnServer, TEST_ADMIN, type SpawnedServer } from "../support/spawn-server.js";

const runnable = browserTestsRunnable();
let server: SpawnedServer;
let browser: Browser;

/** Console errors and requests to any other origin, as the page runs. */

describe.runIf(runnable)("the query explorer (GraphiQL) in a browser, against the real server", () => {
  beforeAll(async () => {
    server = await spawnServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it("says how to sign in when signed out, runs the first example once signed in, opens examples from its menu and switches to English", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const origin = new URL(server.url).origin;
    const problems = watch(page, origin);
    const explorer = new URL("explorer", server.url).href;

    // Signed out: French first, a notice pointing to the dashboard's sign-in and to API keys; GraphiQL still loads.
    await page.goto(explorer);
    expect(await page.locator("h1").textContent()).toBe("Explorateur de requêtes");
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    const notice = page.locator("section", { has: page.getByRole("heading", { name: "Vous n'êtes pas connecté" }) });
    await notice.waitFor();
    expect(await notice.getByRole("link", { name: "tableau de bord" }).getAttribute("href")).toBe("/");
    expect(await notice.textContent()).toContain('{"Authorization": "Bearer ck_…"}');
    await page.getByRole("button", { name: /^Execute query/u }).waitFor();

    // Sign in through the dashboard's form, then come back.
    await page.goto(server.url);
    await page.getByLabel("Identifiant").fill(TEST_ADMIN.login);
    await page.getByLabel("Mot de passe").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Entrepôt vide" }).waitFor();
    await page.goto(explorer);
    await page.getByText(/^Connecté :/u).waitFor();
    expect(await page.getByRole("heading", { name: "Vous n'êtes pas connecté" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: /Tableau de bord/u }).getAttribute("href")).toBe("/");

    // The examples are the tabs; the first one is open. Run it: the response pane shows the server's figures.
    // GraphiQL draws its tabs after its editors load: wait for the first before reading them all.
    await page.getByRole("tab", { name: "PlatformStatus", selected: true }).waitFor();
    expect(await page.locator(".graphiql-tab-button").allTextContents()).toEqual(EXAMPLES.map((e) => /(?:query|mutation)\s+(\w+)/u.exec(e.query)?.[1]));
    // Monaco shows the query once its editor is ready; running before that does nothing.
    const editor = page.locator(".graphiql-query-editor .view-lines");
    await editor.filter({ hasText: "PlatformStatus" }).waitFor();
    await page.getByRole("button", { name: /^Execute query/u }).click();
    const response = page.locator(".graphiql-response");
    await response.filter({ hasText: "EMBEDDED" }).waitFor();
    expect(await response.textContent()).toContain("schemaVersion");

    // An example picked from the menu comes forward in its tab, and runs with Ctrl-Enter.
    await page.getByText("Exemples", { exact: true }).click();
    await page.getByRole("button", { name: "Bureaux de douane du Niger et leurs fuseaux horaires" }).click();
    await page.getByRole("tab", { name: "OfficesOfCountry", selected: true }).waitFor();
    await editor.filter({ hasText: "OfficesOfCountry" }).waitFor();
    await editor.click();
    await page.keyboard.press("Control+Enter");
    await response.filter({ hasText: "Africa/Niamey" }).waitFor();
    expect(await response.textContent()).not.toContain("Africa/Lome");

    // The schema's documentation is one click away.
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    await page.getByRole("region", { name: "Documentation Explorer" }).getByText("Root Types").waitFor();

    await page.getByRole("button", { name: /English/u }).click();
    expect(await page.locator("h1").textContent()).toBe("Query explorer");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(page.url()).toContain("lang=en");
    expect(await page.getByRole("link", { name: /Dashboard/u }).getAttribute("href")).toBe("/?lang=en");

    // Signed out, GET /auth/me answers 401 and the browser logs it: expected, and the only error.
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await page.close();
  });

  it("runs every example against the server without errors", async () => {
    const cookie = await signIn(server.url);
    for (const example of EXAMPLES) {
      const variables = JSON.parse(variablesText(example) ?? "{}") as Record<string, unknown>;
      const { status, body } = await graphql(server.url, example.query, variables, { cookie });
      expect({ id: example.id, status, errors: body.errors }).toEqual({ id: example.id, status: 200, errors: undefined });
      expect(body.data, example.id).toBeTruthy();
    }
  });
});
