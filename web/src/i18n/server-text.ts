import type { Language } from "./format";

/** The server's messages are `français / English`: the reader's half, or the whole when it has no halves. */
export function messageIn(message: string, language: Language): string {
  const halves = message.split(" / ");
  if (halves.length !== 2) return message;
  return (language === "fr" ? halves[0] : halves[1])?.trim() || message;
}
/** A text with its `{placeholders}` filled; unknown ones are left as they are, so a missing value shows. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/gu, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
