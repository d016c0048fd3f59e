import { describe, expect, it } from "vitest";
import { describeTiming, isActive, parseRunFilters, runsOverlapping, weekdayName, writeRunFilters } from "../src/features/reports/report-view";
import { formatBytes } from "../src/i18n/format";
import { fill, messageIn } from "../src/i18n/server-text";

describe("describeTiming", () => {
  it("says a weekly, a first-working-day and a cron calendar in French and English", () => {
    expect(describeTiming({ rule: "WEEKLY", weekday: 1, time: "07:00", cron: "0 7 * * 1" }, "fr")).toBe("Chaque lundi à 07:00");
    expect(describeTiming({ rule: "WEEKLY", weekday: 7, time: "18:30", cron: "30 18 * * 0" }, "en")).toBe("Every Sunday at 18:30");
    expect(describeTiming({ rule: "MONTHLY_FIRST_WORKING_DAY", weekday: null, time: "07:00", cron: "0 7 1W * *" }, "fr")).toBe("Le premier jour ouvré du mois à 07:00");
    expect(describeTiming({ rule: "MONTHLY_FIRST_WORKING_DAY", weekday: null, time: "07:00", cron: "0 7 1W * *" }, "en")).toBe("On the first working day of the month at 07:00");
    expect(describeTiming({ rule: "CRON", weekday: null, time: null, cron: "0 6 * * 1-5" }, "fr")).toBe("Selon l'expression cron « 0 6 * * 1-5 »");
    expect(describeTiming({ rule: "CRON", weekday: null, time: null, cron: "0 6 * * 1-5" }, "en")).toBe('By the cron expression "0 6 * * 1-5"');
  });

  it("names weekdays 1 (Monday) to 7 (Sunday)", () => {
    expect([1, 3, 7].map((d) => weekdayName(d, "fr"))).toEqual(["lundi", "mercredi", "dimanche"]);
    expect(weekdayName(5, "en")).toBe("Friday");
  });
});

describe("runs", () => {
  it("keeps asking while a run is scheduled, running, sending or waiting for a retry", () => {
    expect(["SCHEDULED", "RUNNING", "SENDING", "RETRYING"].every((s) => isActive(s as never))).toBe(true);
    expect(["SUCCEEDED", "FAILED", "HELD"].some((s) => isActive(s as never))).toBe(false);
  });

  it("shows the runs whose period overlaps the view's, `to` excluded on both sides", () => {
    const runs = [
      { id: "sept", period: { from: "2024-09-01", to: "2024-10-01" } },
      { id: "w42", period: { from: "2024-10-14", to: "2024-10-21" } },
      { id: "w44", period: { from: "2024-10-28", to: "2024-11-04" } },
      { id: "nov", period: { from: "2024-11-01", to: "2024-12-01" } },
    ];
    expect(runsOverlapping(runs, "2024-10-01", "2024-11-01").map((r) => r.id)).toEqual(["w42", "w44"]);
  });

  it("reads the run log's filters from the address and writes them back beside the others", () => {
    expect(parseRunFilters(new URLSearchParams("rschedule=4f1c-aa&rstate=FAILED"))).toEqual({ schedule: "4f1c-aa", state: "FAILED" });
    expect(parseRunFilters(new URLSearchParams("rschedule=a%20b&rstate=DONE"))).toEqual({ schedule: null, state: null });
    const written = writeRunFilters({ schedule: "abc", state: null }, new URLSearchParams("from=2024-10-01&lang=en&rstate=HELD"));
    expect(written.toString()).toBe("from=2024-10-01&lang=en&rschedule=abc");
  });
});

describe("formatting", () => {
  it("writes sizes in octets (French) and bytes (English)", () => {
    expect(formatBytes(900, "fr")).toBe("900\u00A0o");
    expect(formatBytes(11780, "fr")).toBe("12\u00A0ko");
    expect(formatBytes(1536, "en")).toBe("1.5\u00A0kB");
    expect(formatBytes(3 * 1024 * 1024, "fr")).toBe("3,0\u00A0Mo");
  });

  it("keeps the reader's half of a bilingual server message, and fills placeholders", () => {
    expect(messageIn("SMTP non configuré : aucun courriel ne peut partir / SMTP not configured: no e-mail can go out", "en")).toBe("SMTP not configured: no e-mail can go out");
    expect(messageIn("SMTP non configuré : aucun courriel ne peut partir / SMTP not configured: no e-mail can go out", "fr")).toBe("SMTP non configuré : aucun courriel ne peut partir");
    expect(messageIn("network unavailable", "fr")).toBe("network unavailable");
    expect(fill("Exécution lancée pour {period}.", { period: "oct. 2024" })).toBe("Exécution lancée pour oct. 2024.");
  });
});
