/** Downloads of a chart: its picture (PNG) and its data (CSV), made in the browser from what is on screen. */

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a chart title: letters, digits and dashes only. */
export function fileNameOf(title: string, extension: string): string {
  const base = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/gu, "")
    .replace(/[^A-Za-z0-9]+/gu, "-")
    .replace(/^-|-$/gu, "")
    .toLowerCase()
    .slice(0, 80);
  return `${base || "graphique"}.${extension}`;
}

/** CSV the way a spreadsheet in the reader's language opens it: BOM, `;` and decimal comma in French. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[], language: "fr" | "en"): string {
  const separator = language === "fr" ? ";" : ",";
  const field = (value: string | number | null): string => {
    if (value === null) return "";
    if (typeof value === "number") return language === "fr" ? String(value).replace(".", ",") : String(value);
    const safe = /^[=+\-@]/u.test(value) ? `'${value}` : value;
    return safe.includes(separator) || /["\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\uFEFF${[header, ...rows].map((line) => line.map(field).join(separator)).join("\r\n")}\r\n`;
}

/** The chart's SVG drawn on a white canvas at twice its size, with its title above, as a PNG. */
export async function svgToPng(svg: SVGSVGElement, title: string): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  // Text takes the page's font; a detached SVG would fall back to serif.
  clone.setAttribute("font-family", getComputedStyle(svg).fontFamily);
  const source = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const scale = 2;
  const titleHeight = 32;
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((height + titleHeight) * scale);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("canvas unavailable");
  context.scale(scale, scale);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height + titleHeight);
  context.fillStyle = "#1c2430";
  context.font = `600 15px ${getComputedStyle(svg).fontFamily}`;
  context.fillText(title, 8, 21, width - 16);
  context.drawImage(image, 0, titleHeight, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG not produced"))), "image/png"));
}
