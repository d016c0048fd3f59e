/**
 * Okabe–Ito colours: told apart with every common colour-vision deficiency,
 * and each dark enough for 3:1 contrast on white (its yellow is left out).
 */
export const SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000"] as const;

/** Each country keeps its colour on every chart, so a reader learns it once. */
export const COUNTRY_COLOURS: Readonly<Record<string, string>> = {
  BF: "#0072B2",
  ML: "#009E73",
  NE: "#D55E00",
  TG: "#CC79A7",
  ZZ: "#6b6b6b",
  "": "#9a9a9a",
};

export function colourOf(key: string, index: number): string {
  return COUNTRY_COLOURS[key] ?? SERIES_COLOURS[index % SERIES_COLOURS.length] ?? "#000000";
}
