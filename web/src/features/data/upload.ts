/**
 * Checks and encodings for the upload form. Pure, tested in web/test/data-upload.test.ts.
 */

/** The feeds' usual file extensions (formats.md) and gzip; the server recognises a feed by its content, so this only guides the file picker. */
export const ACCEPTED_EXTENSIONS = [".csv", ".edi", ".xml", ".jsonl", ".json", ".txt", ".gz"] as const;

/**
 * The server's default UPLOAD_MAX_BYTES (10 MiB). The API does not publish
 * the configured value, so a file over this is refused here, and a server
 * configured lower still refuses with PAYLOAD_TOO_LARGE, which the form shows.
 */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export type UploadProblem = "none" | "empty" | "tooLarge";

export function uploadProblem(size: number, maxBytes: number = UPLOAD_MAX_BYTES): UploadProblem {
  if (size <= 0) return "empty";
  if (size > maxBytes) return "tooLarge";
  return "none";
}
