import type { Page } from "playwright-core";

/**
 * Collects what must never happen on a page: console errors, uncaught errors, and any request that leaves
 * the platform (the dashboard must work with no internet). A test expects the list to stay empty.
 */
export function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  // Inline data (fonts, images) can be long: shortened, the rest of the message stays readable.
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location().url;
    problems.push(`${message.text().replace(/(data:[^,'"\s]{0,40})[^'"\s]{40,}/gu, "$1…")}${where ? ` (${where})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => !request.url().startsWith(origin) && !request.url().startsWith("data:") && !request.url().startsWith("blob:") && problems.push(`outside request: ${request.url()}`));
  return problems;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/** The value shown by a headline figure, found by its exact label. */
export const kpiValue = (page: Page, label: string) =>
  page
    .locator(".kpi", { has: page.locator("dt", { hasText: new RegExp(`^${escaped(label)}$`, "u") }) })
    .locator(".kpi-value")
    .textContent();

/** A chart card found by its title. */
export const card = (page: Page, title: RegExp) => page.locator(".chart-card", { has: page.getByRole("heading", { name: title }) });

/** A chart's text alternative (what a screen reader says), once the chart is drawn. */
export async function summaryOf(page: Page, title: RegExp): Promise<string> {
  const found = card(page, title);
  await found.locator(".chart-figure").waitFor();
  return (await found.locator(".chart-figure + .visually-hidden").textContent()) ?? "";
}

/** Signs in through the dashboard's form, first opening `address` when given (a page with its filters), and waits for the menu. */
export async function signInThroughForm(page: Page, login: string, password: string, address?: string): Promise<void> {
  if (address) await page.goto(address);
  await page.getByLabel("Identifiant").fill(login);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.locator("nav.site-nav").waitFor();
}
