import "reflect-metadata";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { buildCorridorSchema, printCorridorSchema } from "./graphql/build-schema.js";

/** Writes schema.graphql at the repository root; CI checks the committed file matches. */
const target = fileURLToPath(new URL("../../schema.graphql", import.meta.url));
const sdl = printCorridorSchema(await buildCorridorSchema());
fs.writeFileSync(target, sdl);
process.stdout.write(`schema.graphql written (${sdl.length} characters)\n`);
