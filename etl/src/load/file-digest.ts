import { createHash } from "node:crypto";
import fs from "node:fs";

/** sha256 of a file as delivered (compressed or not): the file's identity in the load log. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
