import { lazy } from "react";

// The port page's own charts: recharts loads after the page's figures, as the shared charts do.
export const DwellLadder = lazy(() => import("./DwellLadder"));
export const DwellHistogram = lazy(() => import("./DwellHistogram"));
