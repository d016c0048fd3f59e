import type { DimensionDescription, MeasureDescription } from "../../server/src/metrics/registry/describe.js";

/** A table cell: a pipe or a line break inside it would end the cell or the row. */
const cell = (text: string) => text.replaceAll("|", "\\|").replace(/\s*\n\s*/gu, " ");

const codes = (names: readonly string[]) => (names.length === 0 ? "—" : names.map((n) => `\`${n}\``).join(", "));

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function measuresTable(measures: readonly MeasureDescription[]): string {
  return table(
    ["measure", "unit", "kind", "counted on (fr / en)", "description (fr)", "description (en)", "dimensions", "rollup dimensions"],
    measures.map((m) => [
      `\`${m.name}\``,
      m.unit,
      m.kind,
      `${cell(m.datedAtFr)} / ${cell(m.datedAtEn)}`,
      cell(m.descriptionFr),
      cell(m.descriptionEn),
      codes(m.dimensions),
      codes(m.rollupDimensions),
    ]),
  );
}

export function dimensionsTable(dimensions: readonly DimensionDescription[]): string {
  return table(
    ["dimension", "description (fr)", "description (en)", "measures"],
    dimensions.map((d) => [`\`${d.name}\``, cell(d.descriptionFr), cell(d.descriptionEn), codes(d.measures)]),
  );
}
