import fs from "node:fs";
import path from "node:path";
import type { Logger } from "@corridor/warehouse";
import type { AccessStore } from "./access-store.js";
import { MIN_PASSWORD_LENGTH, randomSecret } from "./secrets.js";

export const FIRST_ADMIN_FILE = "first-admin.txt";

export interface FirstAdmin {
  readonly login: string;
  /** Set when the password was generated here (shown once; also in DATA_DIR/first-admin.txt, owner-only). */
  readonly generatedPassword: string | null;
}

/**
 * The platform starts with one administrator and no default password: from
 * ADMIN_LOGIN and ADMIN_PASSWORD on the first start, or else with a random
 * password printed once and written to DATA_DIR/first-admin.txt (readable by
 * the server's user only). Nothing happens once any user exists.
 */
export async function ensureFirstAdmin(store: AccessStore, env: Readonly<Record<string, string | undefined>>, dataDir: string, logger: Logger): Promise<FirstAdmin | null> {
  if ((await store.countUsers()) > 0) return null;
  const login = env.ADMIN_LOGIN?.trim() || "admin";
  const given = env.ADMIN_PASSWORD;
  if (given !== undefined && given.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`ADMIN_PASSWORD: au moins ${MIN_PASSWORD_LENGTH} caractères / at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const password = given ?? randomSecret(18);
  await store.createUser({ login, displayName: "Administrateur", role: "admin", country: null, language: "fr", password });
  logger.info({ login }, "first administrator created");
  if (given !== undefined) return { login, generatedPassword: null };
  const file = path.join(dataDir, FIRST_ADMIN_FILE);
  fs.writeFileSync(file, `login: ${login}\npassword: ${password}\n\nChangez ce mot de passe ou créez vos comptes, puis supprimez ce fichier.\nChange this password or create your accounts, then delete this file.\n`, { mode: 0o600 });
  return { login, generatedPassword: password };
}
