import fs from "node:fs";
import { createGunzip } from "node:zlib";

/** How many bytes of a file were read, for progress on a terminal. */
export interface ReadProgress {
  bytesRead: number;
  readonly bytesTotal: number;
}

/**
 * The decompressed bytes of a file, chunk by chunk. A `.gz` file is recognised
 * by its magic bytes (1f 8b), not its name. Each call reads the file afresh, so
 * a parser that needs two passes (CSV encoding detection) can have them.
 */
export function openBytes(path: string, progress?: ReadProgress): AsyncIterable<Buffer> {
  return {
    async *[Symbol.asyncIterator]() {
      const handle = await fs.promises.open(path, "r");
      const head = Buffer.alloc(2);
      const { bytesRead } = await handle.read(head, 0, 2, 0);
      await handle.close();
      const gzip = bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
      const raw = fs.createReadStream(path, { highWaterMark: 256 * 1024 });
      if (progress) {
        progress.bytesRead = 0;
        raw.on("data", (chunk: Buffer | string) => {
          progress.bytesRead += chunk.length;
        });
      }
      const stream = gzip ? raw.pipe(createGunzip()) : raw;
      raw.on("error", (error) => stream.destroy(error));
      for await (const chunk of stream) yield chunk as Buffer;
    },
  };
}

/** The first bytes of the decompressed content, for feed detection. */
export async function peekBytes(bytes: AsyncIterable<Buffer>, length: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of bytes) {
    parts.push(chunk);
    total += chunk.length;
    if (total >= length) break;
  }
  return Buffer.concat(parts).subarray(0, length);
}
