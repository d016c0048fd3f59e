import { lazy } from "react";

// recharts is about 120 kB gzipped: it loads after the page's figures, so the
// overview's first screen stays within its 200 kB budget (web/scripts/check-budget.mjs).
const loadTimeChart = () => import("./TimeChart");
const loadCategoryBars = () => import("./CategoryBars");

export const TimeChart = lazy(loadTimeChart);
export const CategoryBars = lazy(loadCategoryBars);

/**
 * Starts fetching the chart code at once, in parallel with the page's data:
 * otherwise it would only start once the data had arrived and a chart tried
 * to draw (one more round trip on a slow link).
 */
export function preloadCharts(): void {
  void loadTimeChart();
  void loadCategoryBars();
}
