import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => Boolean(p));

/** Debian's chromium; .ci/run installs it. Outside CI a machine without it skips browser tests, saying so. */
export function chromiumPath(): string | null {
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export function browserTestsRunnable(): boolean {
  if (chromiumPath() !== null) return true;
  if (process.env.CI) throw new Error("CI=1 but no chromium found: .ci/run must install Debian's chromium (or set CHROMIUM_PATH)");
  process.stderr.write("\n[browser tests skipped] chromium not found: install Debian's `chromium` or set CHROMIUM_PATH to run them.\n");
  return false;
}

export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (executablePath === null) throw new Error("chromium not found");
  // No background traffic: this machine's network is closed, and the app must need none.
  return chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
}
