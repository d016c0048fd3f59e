import fs from "node:fs";

const ROUTES = [
  { route: "TG-BF-OUA", offices: ["TGLFW", "TGCIN", "BFCIN", "BFOUA"] },
  { route: "TG-NE-KAN", offices: ["TGLFW", "TGCIN", "BFCIN", "BFKAN", "NEMAK", "NENIM"] },
  { route: "TG-ML-HER", offices: ["TGLFW", "TGCIN", "BFCIN", "BFKOL", "MLHER", "MLSIK", "MLBKO"] },
];

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/**
 * A transit-movements file of `movements` complete journeys (DEPARTED, then
 * ARRIVED/RELEASED at each border office, then COMPLETED), with every 97th
 * line malformed and every 89th repeated, so loaded, quarantined and
 * duplicate records all occur. Deterministic.
 */
export function writeMovementsFile(file: string, movements: number): { lines: number } {
  const out = fs.openSync(file, "w");
  let lines = 0;
  let buffer = "";
  const emit = (line: string) => {
    lines++;
    buffer += `${line}\n`;
    if (lines % 97 === 0) buffer += `{"movement": broken line ${lines}\n`;
    if (lines % 89 === 0) buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = "";
    }
  };
  const start = Date.UTC(2024, 0, 1);
  for (let m = 0; m < movements; m++) {
    const { route, offices } = ROUTES[m % ROUTES.length] as (typeof ROUTES)[number];
    const movement = `TRIE-2024-${String(m).padStart(7, "0")}`;
    let t = start + (m % 3000) * 3_600_000;
    const base = { movement, declaration: `TGLFW-2024-L-${m}`, route, truck: `TG-${m % 9000}-AB`, containers: [] as string[], grossKg: 20000 + (m % 5000), escort: false };
    emit(JSON.stringify({ ...base, event: "DEPARTED", office: "TGLFW", at: iso(t), recordedAt: `${iso(t + 60_000)}Z` }));
    for (const office of offices.slice(1, -1)) {
      t += (5 + (m % 7)) * 3_600_000;
      emit(JSON.stringify({ ...base, event: "ARRIVED", office, at: iso(t), recordedAt: `${iso(t + 60_000)}Z` }));
      t += (2 + (m % 5)) * 3_600_000;
      emit(JSON.stringify({ ...base, event: "RELEASED", office, at: iso(t), recordedAt: `${iso(t + 60_000)}Z` }));
    }
    t += 20 * 3_600_000;
    emit(JSON.stringify({ ...base, event: "COMPLETED", office: offices.at(-1), at: iso(t), recordedAt: `${iso(t + 60_000)}Z` }));
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
  return { lines };
}
