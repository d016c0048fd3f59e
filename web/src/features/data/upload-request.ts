import { ApiError } from "../../api/graphql-client";
import { DataUploadDocument, type DataUploadMutation } from "../../gql/graphql";

/**
 * Sends the upload mutation with XMLHttpRequest rather than fetch: only XHR
 * reports how much of the request body has gone, which is what a reader on
 * a slow link wants to see. Same origin, same cookie, same JSON as every
 * other operation.
 */
export function sendUpload(fileName: string, contentBase64: string, onProgress: (sent: number, total: number) => void, signal: AbortSignal): Promise<DataUploadMutation["uploadFile"]> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/graphql");
    xhr.setRequestHeader("content-type", "application/json");
    xhr.setRequestHeader("accept", "application/json");
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onerror = () => reject(new ApiError("network unavailable", "NETWORK"));
    xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
    xhr.onload = () => {
      let body: { data?: DataUploadMutation | null; errors?: { message: string; extensions?: { code?: string } }[] };
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // A proxy's HTML page, or the body limit of the server itself (413).
        reject(new ApiError(`HTTP ${xhr.status}`, xhr.status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_RESPONSE"));
        return;
      }
      const first = body.errors?.[0];
      if (first) reject(new ApiError(first.message, first.extensions?.code ?? "UNKNOWN"));
      else if (!body.data) reject(new ApiError(`HTTP ${xhr.status}`, "BAD_RESPONSE"));
      else resolve(body.data.uploadFile);
    };
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(JSON.stringify({ query: DataUploadDocument.toString(), variables: { fileName, contentBase64 } }));
  });
}

/** A file's content as base64, read in the browser; `onProgress` follows the reading. */
export function readAsBase64(file: File, onProgress: (read: number, total: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    // A data: URL is base64 already; the part after the comma is the content.
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/u, ""));
    reader.readAsDataURL(file);
  });
}
