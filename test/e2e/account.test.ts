import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTestsRunnable, launchChromium } from "../support/chromium.js";
import { signInThroughForm, watch } from "../support/page-checks.js";
import { graphql, spawnServer, TEST_ADMIN, type SpawnedServer } from "../support/spawn-server.js";

// The account page: an analyst makes and revokes an API key and changes their password without a
// script; an administrator creates, changes and disables accounts and reads the request log.

const runnable = browserTestsRunnable();
const root = fileURLToPath(new URL("../../", import.meta.url));
const SCREENSHOTS = path.join(root, "test-artifacts/screenshots");
const PASSWORD = "un mot de passe assez long";
const NEW_PASSWORD = "un autre mot de passe, plus long";

let server: SpawnedServer;
let browser: Browser;

/** Expected refusals: the sign-in check before signing in, and what this test provokes on purpose (a revoked key, ended sessions). */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 40[01] /u.test(p));

const countries = (bearer: string) => graphql(server.url, "{ countries { code } }", {}, { bearer });

describe.runIf(runnable)("the account page in a browser, against the real server", () => {
  beforeAll(async () => {
    server = await spawnServer({ INBOX_POLL_MS: "0" });
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it("lets an administrator create an analyst, who then makes and revokes an API key and changes their password; the administrator disables the account and reads the log", async () => {
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const adminProblems = watch(admin, new URL(server.url).origin);
    await signInThroughForm(admin, TEST_ADMIN.login, TEST_ADMIN.password, server.url);
    await admin.getByRole("navigation").getByRole("link", { name: "Compte" }).click();
    await admin.getByRole("heading", { level: 1, name: "Mon compte et les accès" }).waitFor();
    expect(new URL(admin.url()).pathname).toBe("/compte");

    // A new account, refused first for what the server would refuse, then created.
    const form = admin.locator("form.new-account");
    await form.getByLabel("Identifiant").fill("analyste.bf");
    await form.getByLabel("Nom affiché").fill("Analyste de la DGD");
    await form.getByLabel("Rôle").selectOption("ANALYST");
    await form.getByLabel("Pays").selectOption("BF");
    await form.getByLabel(/^Mot de passe initial/u).fill("court");
    await form.getByRole("button", { name: "Créer le compte" }).click();
    await form.getByText("Le mot de passe doit compter au moins 12 caractères.").waitFor();
    await form.getByLabel(/^Mot de passe initial/u).fill(PASSWORD);
    await form.getByRole("button", { name: "Créer le compte" }).click();
    await admin.getByText("Compte « analyste.bf » créé.").waitFor();
    const row = admin.locator('table[data-table="users"] tr[data-user="analyste.bf"]');
    expect(await row.locator('[data-field="role"]').textContent()).toBe("Analyste");
    expect(await row.locator('[data-field="country"]').textContent()).toBe("BF");
    await admin.screenshot({ path: path.join(SCREENSHOTS, "account-fr-1280.png"), fullPage: true });

    // The analyst: a key made on the page works at once for a script, and stops when revoked.
    const analyst = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const analystProblems = watch(analyst, new URL(server.url).origin);
    await signInThroughForm(analyst, "analyste.bf", PASSWORD, server.url);
    await analyst.getByRole("navigation").getByRole("link", { name: "Compte" }).click();
    await analyst.getByRole("heading", { level: 2, name: "Mes clés d'API" }).waitFor();
    await analyst.getByLabel("Nom de la clé").fill("carnet R");
    await analyst.getByLabel(/^Expire après/u).fill("0");
    await analyst.getByRole("button", { name: "Créer la clé" }).click();
    await analyst.getByText("Durée : un nombre entier de jours, de 1 à 3 650, ou vide.").waitFor();
    await analyst.getByLabel(/^Expire après/u).fill("30");
    await analyst.getByRole("button", { name: "Créer la clé" }).click();
    const secret = (await analyst.locator("code.api-key").textContent()) ?? "";
    expect(secret).toMatch(/^ck_[0-9a-f]{32}_/u);
    expect((await countries(secret)).status).toBe(200);
    const keyRow = analyst.locator('table[data-table="keys"] tr[data-key="carnet R"]');
    expect(await keyRow.locator('[data-field="state"]').textContent()).toBe("active");
    await analyst.screenshot({ path: path.join(SCREENSHOTS, "account-fr-360.png"), fullPage: true });
    await keyRow.getByRole("button", { name: "Révoquer" }).click();
    await keyRow.getByRole("button", { name: "Confirmer" }).click();
    await analyst.getByText("Clé « carnet R » révoquée.").waitFor();
    await expect.poll(() => keyRow.locator('[data-field="state"]').textContent()).toBe("révoquée");
    const refused = await countries(secret);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("KEY_REVOKED");

    // The analyst's password: a mismatch is caught on the page, a wrong current one by the server; then it changes and every session ends.
    await analyst.getByLabel("Mot de passe actuel").fill(PASSWORD);
    await analyst.getByLabel("Nouveau mot de passe", { exact: true }).fill(NEW_PASSWORD);
    await analyst.getByLabel("Nouveau mot de passe, encore").fill(`${NEW_PASSWORD}!`);
    await analyst.getByRole("button", { name: "Changer le mot de passe" }).click();
    await analyst.getByText("Les deux saisies du nouveau mot de passe diffèrent.").waitFor();
    await analyst.getByLabel("Nouveau mot de passe, encore").fill(NEW_PASSWORD);
    await analyst.getByLabel("Mot de passe actuel").fill("pas le mot de passe");
    await analyst.getByRole("button", { name: "Changer le mot de passe" }).click();
    await analyst.getByText("mot de passe actuel incorrect").waitFor();
    await analyst.getByLabel("Mot de passe actuel").fill(PASSWORD);
    await analyst.getByRole("button", { name: "Changer le mot de passe" }).click();
    await analyst.getByText("Mot de passe changé. Reconnectez-vous avec le nouveau.").waitFor();
    await analyst.getByRole("button", { name: "Se reconnecter" }).click();
    await analyst.getByLabel("Identifiant").fill("analyste.bf");
    await analyst.getByLabel("Mot de passe").fill(PASSWORD);
    await analyst.getByRole("button", { name: "Se connecter" }).click();
    await analyst.getByText("Identifiant ou mot de passe incorrect.").waitFor();
    await analyst.getByLabel("Mot de passe").fill(NEW_PASSWORD);
    await analyst.getByRole("button", { name: "Se connecter" }).click();
    await analyst.locator(".site-nav").waitFor();
    // An analyst manages no accounts and reads no log.
    await analyst.goto(new URL("compte", server.url).href);
    await analyst.getByRole("heading", { level: 2, name: "Mes clés d'API" }).waitFor();
    expect(await analyst.getByRole("heading", { name: "Comptes" }).count()).toBe(0);
    expect(await analyst.getByRole("heading", { name: "Journal des requêtes" }).count()).toBe(0);
    expect(unexpected(analystProblems)).toEqual([]);

    // The administrator disables the account: the analyst is out at once; the log shows the analyst's requests.
    await admin.reload();
    await admin.locator('table[data-table="users"] tr[data-user="analyste.bf"]').getByRole("button", { name: "Modifier" }).click();
    await admin.getByRole("form", { name: "Modifier analyste.bf" }).getByRole("button", { name: "Désactiver" }).click();
    await admin.getByText("Compte « analyste.bf » enregistré.").waitFor();
    await expect.poll(() => row.locator('[data-field="status"]').textContent()).toBe("désactivé");
    const after = await graphql(server.url, "{ countries { code } }", {}, { cookie: (await analyst.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe("ACCOUNT_DISABLED");
    // The analyst's open page learns it at its next question, and shows the sign-in form saying why.
    await analyst.getByRole("navigation").getByRole("link", { name: "Vue d'ensemble" }).click();
    await analyst.getByText(/^Votre session a pris fin/u).waitFor();
    await analyst.getByRole("button", { name: "Se connecter" }).waitFor();
    await admin.getByLabel("Compte", { exact: true }).fill("analyste.bf");
    const audit = admin.locator('table[data-table="audit"]');
    await expect.poll(async () => (await audit.textContent()) ?? "").toContain("ChangePassword");
    expect(await audit.textContent()).toContain("analyste.bf");
    await admin.getByRole("button", { name: /English/u }).click();
    await admin.getByRole("heading", { level: 1, name: "My account and access" }).waitFor();
    await admin.getByRole("heading", { level: 2, name: "Request log" }).waitFor();
    await admin.screenshot({ path: path.join(SCREENSHOTS, "account-en-1280.png"), fullPage: true });
    expect(unexpected(adminProblems)).toEqual([]);
  });
});
