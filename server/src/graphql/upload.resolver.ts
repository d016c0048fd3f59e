import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { GraphQLError } from "graphql";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { LOADING_ROLES } from "../auth/roles.js";
import type { Context } from "./context.js";
import { Feed, LoadStatus } from "./enums.js";
import { UploadResult } from "./upload.types.js";

/** A file name safe to store: no directories, only plain characters. */
function safeName(name: string): string {
  const base = path.basename(name.replaceAll("\\", "/")).normalize("NFKD").replace(/[^A-Za-z0-9._-]+/gu, "_").replace(/^\.+/u, "");
  return (base || "upload").slice(0, 150);
}

@Resolver()
export class UploadResolver {
  /**
   * The file's bytes travel base64-encoded in the request, so one JSON
   * request carries the file and GraphQL's CSRF protection applies. Larger
   * files go through the inbox folder.
   */
  @Authorized(...LOADING_ROLES)
  @Mutation(() => UploadResult, {
    description:
      "Charge un fichier de flux (opérateurs, administrateurs), comme `etl load` : quarantaine, doublons et chiffres dérivés compris. Contenu en base64, taille limitée (UPLOAD_MAX_BYTES). / Loads a feed file (operators, administrators) as `etl load` does. Content in base64, size-limited (UPLOAD_MAX_BYTES).",
  })
  async uploadFile(
    @Arg("fileName", () => String, { description: "Nom du fichier ; il fixe l'ordre de livraison. / File name; it sets the delivery order." }) fileName: string,
    @Arg("contentBase64", () => String, { description: "Contenu du fichier en base64 (gzip accepté). / The file's content in base64 (gzip accepted)." }) contentBase64: string,
    @Ctx() { services, principal, logger }: Context,
  ): Promise<UploadResult> {
    const { uploads, load } = services;
    if (!load) throw new GraphQLError("Ce serveur ne charge pas de fichiers. / This server does not load files.", { extensions: { code: "NOT_AVAILABLE" } });
    if (fileName.length > 300) throw new GraphQLError("fileName: 300 caractères au plus / at most 300 characters", { extensions: { code: "BAD_USER_INPUT" } });
    if (contentBase64.length > Math.ceil(uploads.maxBytes / 3) * 4 + 4 || !/^[A-Za-z0-9+/=\r\n]*$/u.test(contentBase64)) {
      throw new GraphQLError(`Fichier trop gros (au plus ${uploads.maxBytes} octets) ou pas en base64 : déposez les gros fichiers dans le dossier d'entrée. / File too large (at most ${uploads.maxBytes} bytes) or not base64: drop large files into the inbox folder.`, {
        extensions: { code: "PAYLOAD_TOO_LARGE" },
      });
    }
    const bytes = Buffer.from(contentBase64, "base64");
    if (bytes.length === 0) throw new GraphQLError("Fichier vide. / Empty file.", { extensions: { code: "BAD_USER_INPUT" } });
    fs.mkdirSync(uploads.dir, { recursive: true });
    // Kept after loading: the platform never loses a file it was given.
    const stored = path.join(uploads.dir, `${new Date().toISOString().replace(/[-:.]/gu, "")}_${randomUUID().slice(0, 8)}_${safeName(fileName)}`);
    fs.writeFileSync(stored, bytes, { mode: 0o640 });
    logger.info({ file: path.basename(stored), bytes: bytes.length, by: principal?.login }, "upload received");
    const summary = await load([stored], "upload");
    const file = summary.files[0];
    if (!file) throw new Error("the loader reported no file");
    return {
      fileName: path.basename(stored),
      feed: file.feed as Feed | null,
      status: file.status as LoadStatus,
      read: file.read,
      loaded: file.loaded,
      quarantined: file.quarantined,
      duplicates: file.duplicates,
      error: file.error ?? null,
    };
  }
}
