import { describe, expect, it } from "vitest";
import { checkForm, formOf, isEmail, NEW_SCHEDULE, parseAddresses, type ScheduleForm } from "../src/features/reports/schedule-form";

const filled: ScheduleForm = { ...NEW_SCHEDULE, name: "  PAL — hebdomadaire ", recipients: [{ address: "dg@port.tg", language: "FR" }, { address: " ", language: "EN" }, { address: "analyst@ministry.example", language: "EN" }] };

describe("checkForm", () => {
  it("turns a weekly form into the API's input: trimmed, blank recipients dropped, only the rule's own fields", () => {
    const { input, problems } = checkForm(filled);
    expect(problems).toEqual([]);
    expect(input).toEqual({
      name: "PAL — hebdomadaire",
      kind: "WEEKLY_OPERATIONS",
      rule: "WEEKLY",
      weekday: 1,
      time: "07:00",
      cron: null,
      timeZone: "Africa/Lome",
      recipients: [
        { address: "dg@port.tg", language: "FR" },
        { address: "analyst@ministry.example", language: "EN" },
      ],
      formats: ["PDF", "XLSX"],
      countries: [],
      staleDataAction: "WARN",
      ownerEmail: null,
    });
  });

  it("sends the time alone for the first working day, the cron alone (spaces tidied) for a cron rule", () => {
    expect(checkForm({ ...filled, rule: "MONTHLY_FIRST_WORKING_DAY", time: "06:30" }).input).toMatchObject({ weekday: null, time: "06:30", cron: null });
    expect(checkForm({ ...filled, rule: "CRON", cron: " 0  7 * * 1 " }).input).toMatchObject({ weekday: null, time: null, cron: "0 7 * * 1" });
  });

  it("keeps formats and countries in a fixed order, and the owner login only for administrators", () => {
    const form = { ...filled, formats: ["CSV", "PDF"] as ScheduleForm["formats"], countries: ["NE", "BF"], ownerLogin: "ministere.bf", ownerEmail: " stats@port.tg " };
    expect(checkForm(form).input).toMatchObject({ formats: ["PDF", "CSV"], countries: ["BF", "NE"], ownerEmail: "stats@port.tg" });
    expect(checkForm(form).input).not.toHaveProperty("ownerLogin");
    expect(checkForm(form, { withOwnerLogin: true }).input).toMatchObject({ ownerLogin: "ministere.bf" });
  });

  it("says every problem at once: name, recipients, an address, formats, time, weekday, cron, notice address", () => {
    const bad = checkForm({ ...NEW_SCHEDULE, name: " ", recipients: [{ address: "", language: "FR" }], formats: [], time: "7h", weekday: 0, ownerEmail: "nope" });
    expect(bad.input).toBeNull();
    expect(bad.problems.map((p) => p.field).sort()).toEqual(["formats", "name", "ownerEmail", "recipients", "time", "weekday"]);
    expect(checkForm({ ...filled, recipients: [{ address: "dg@port", language: "FR" }] }).problems).toEqual([{ field: "address", value: "dg@port" }]);
    expect(checkForm({ ...filled, rule: "CRON", cron: "0 7 * *" }).problems).toEqual([{ field: "cron" }]);
    expect(checkForm({ ...filled, name: "x".repeat(201) }).problems).toEqual([{ field: "name" }]);
  });
});

describe("formOf", () => {
  it("reads a schedule back into the form, filling the rule's unused fields with defaults", () => {
    const form = formOf({ name: "Mensuel", kind: "MONTHLY_CORRIDOR", rule: "MONTHLY_FIRST_WORKING_DAY", weekday: null, time: "07:00", cron: "0 7 1W * *", timeZone: "Africa/Lome", recipients: [{ address: "dg@port.tg", language: "FR" }], formats: ["PDF"], countries: ["BF"], staleDataAction: "HOLD", ownerEmail: "stats@port.tg", owner: "admin" });
    expect(form).toMatchObject({ weekday: 1, time: "07:00", cron: "0 7 1W * *", staleDataAction: "HOLD", ownerLogin: "admin", countries: ["BF"] });
    expect(checkForm(form).input).toMatchObject({ rule: "MONTHLY_FIRST_WORKING_DAY", time: "07:00", countries: ["BF"], staleDataAction: "HOLD", ownerEmail: "stats@port.tg" });
  });
});

describe("addresses", () => {
  it("tells addresses from the rest", () => {
    expect(isEmail("dg@port.tg")).toBe(true);
    expect(isEmail("dg@port")).toBe(false);
    expect(isEmail("a b@port.tg")).toBe(false);
  });

  it("splits a typed list on commas, semicolons and spaces, without repeats", () => {
    expect(parseAddresses("a@x.tg, b@y.bf;a@x.tg\nnope  ")).toEqual({ valid: ["a@x.tg", "b@y.bf"], invalid: ["nope"] });
    expect(parseAddresses("  ")).toEqual({ valid: [], invalid: [] });
  });
});
