export { createApp, type App, type AppOptions } from "./app.js";
export { publicUrl, serverConfigFromEnv, type ServerConfig } from "./config.js";
export { buildCorridorSchema, printCorridorSchema } from "./graphql/build-schema.js";
export { startServer, type RunningServer } from "./start-server.js";
