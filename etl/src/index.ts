export { EXIT, runCli } from "./cli.js";
export { formatLoads, recentLoads, type LoadSummary } from "./commands/status.js";
export { accessEngine, serverQuery, type EngineAccess } from "./engine-access.js";
