import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTestsRunnable, launchChromium } from "../support/chromium.js";
import { spawnServer, TEST_ADMIN, type SpawnedServer } from "../support/spawn-server.js";

const runnable = browserTestsRunnable();
let server: SpawnedServer;
let browser: Browser;

describe.runIf(runnable)("the dashboard in a browser, against the real server", () => {
  beforeAll(async () => {
    server = await spawnServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it("signs in, says in French that the warehouse is empty, shows the platform state to an administrator, and switches to English", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const problems: string[] = [];
    const origin = new URL(server.url).origin;
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("request", (request) => !request.url().startsWith(origin) && !request.url().startsWith("data:") && problems.push(`outside request: ${request.url()}`));
    await page.goto(server.url);
    expect(await page.locator(".app-title").textContent()).toBe("Observatoire du corridor Lomé–AES");
    // Signed out: the sign-in form; a wrong password is refused with a reason, the right one signs in.
    await page.getByLabel("Identifiant").fill(TEST_ADMIN.login);
    await page.getByLabel("Mot de passe").fill("not the password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText("Identifiant ou mot de passe incorrect.").waitFor();
    await page.getByLabel("Mot de passe").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    // The overview opens first and says there is nothing to show yet.
    await page.getByRole("heading", { name: "Entrepôt vide" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    // The data page: figures read from ClickHouse through /graphql, the engine and the six routes.
    await page.getByRole("link", { name: "Données" }).click();
    await page.getByText("ClickHouse embarqué").waitFor();
    expect(page.url()).toContain("/donnees");
    expect(await page.locator("#routes-title + .table-scroll tbody tr").count()).toBe(6);
    expect(await page.getByText("1 300 km").count()).toBe(1);

    await page.getByRole("button", { name: /English/u }).click();
    await page.getByRole("heading", { name: "Data" }).waitFor();
    await page.getByText("Embedded ClickHouse").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(page.url()).toContain("lang=en");
    // The refused sign-in answers 401, which the browser logs as a failed resource: expected, and the only one.
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await page.close();
  });
});
