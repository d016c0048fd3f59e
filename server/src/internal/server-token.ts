import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SERVER_TOKEN_FILE } from "@corridor/etl";

export interface ServerToken {
  matches(candidate: string): boolean;
  remove(): void;
}

/**
 * A fresh secret per start, in DATA_DIR with owner-only permissions: a local
 * command that can read it runs as the server's user, who could read the data
 * directory anyway. It authenticates commands sent to /internal/etl.
 */
export function createServerToken(dataDir: string): ServerToken {
  const token = randomBytes(32).toString("hex");
  const file = path.join(dataDir, SERVER_TOKEN_FILE);
  fs.writeFileSync(file, token, { mode: 0o600 });
  const expected = Buffer.from(token);
  return {
    matches(candidate) {
      const given = Buffer.from(candidate);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    remove() {
      fs.rmSync(file, { force: true });
    },
  };
}
