/** IMO ship number: 7 digits, the last = (d1·7 + d2·6 + … + d6·2) mod 10. */
export function validImo(text: string): boolean {
  if (!/^\d{7}$/u.test(text)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(text[i]) * (7 - i);
  return sum % 10 === Number(text[6]);
}

/** ISO 6346 letter values: A = 10, then upwards skipping multiples of 11. */
const LETTER_VALUES: ReadonlyMap<string, number> = (() => {
  const values = new Map<string, number>();
  let value = 10;
  for (const letter of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
    if (value % 11 === 0) value++;
    values.set(letter, value);
    value++;
  }
  return values;
})();

/** The check digit ISO 6346 computes for the first 10 characters (a result of 10 means 0), or null if they are not 4 letters + 6 digits. */
export function iso6346CheckDigit(first10: string): number | null {
  if (!/^[A-Z]{4}\d{6}$/u.test(first10)) return null;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const ch = first10[i] as string;
    const value = i < 4 ? (LETTER_VALUES.get(ch) as number) : Number(ch);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

/** A container number: 4 letters, 6 digits and a check digit that verifies. */
export function validContainerNumber(text: string): boolean {
  if (!/^[A-Z]{4}\d{7}$/u.test(text)) return false;
  return iso6346CheckDigit(text.slice(0, 10)) === Number(text[10]);
}

/** TEU by the ISO size-type's first character; null for an unknown size. */
export function teuOfSizeType(sizeType: string): number | null {
  if (!/^[0-9A-Z]{2}[0-9A-Z]{2}$/u.test(sizeType)) return null;
  switch (sizeType[0]) {
    case "2":
      return 1;
    case "4":
      return 2;
    case "L":
      return 2.25;
    default:
      return null;
  }
}
