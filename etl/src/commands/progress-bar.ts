import type { FileProgress } from "../load/load-file.js";

const WIDTH = 24;

/** A one-line progress bar on a terminal, redrawn at most ten times a second. */
export function progressBar(stream: NodeJS.WritableStream): { update(progress: FileProgress): void; done(): void } {
  let last = 0;
  let drawn = false;
  return {
    update(progress) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const share = progress.bytesTotal > 0 ? Math.min(1, progress.bytesRead / progress.bytesTotal) : 0;
      const filled = Math.round(share * WIDTH);
      const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
      stream.write(`\r${bar} ${String(Math.round(share * 100)).padStart(3)} %  ${progress.records.toLocaleString("fr-FR")} enregistrements / records  ${progress.file.slice(0, 40)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
