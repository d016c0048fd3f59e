import { detectFeed } from "../etl/src/core/detect-feed.js";
import { openBytes, peekBytes } from "../etl/src/core/byte-source.js";
export { generateDemoData } from "../etl/src/generate/generate.js";

/** The feed a generated file holds, read from its content as the loader does. */
export async function detectFeedOfFile(file: string): Promise<string | null> {
  return detectFeed(await peekBytes(openBytes(file), 64 * 1024));
}
