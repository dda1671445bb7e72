import { PeriodDraftSchema } from "@gugus/domain/ran";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { listFieldProblems, readDecimalField, readNumberField, writeDecimalField } from "./problems.ts";

const Span = z
  .object({ first: z.number({ error: "YEAR_INVALID" }), last: z.number({ error: "YEAR_INVALID" }), name: z.string().min(2, { error: "NAME_INVALID" }).max(5, { error: "NAME_TOO_LONG" }) })
  .superRefine((v, ctx) => {
    if (v.first > v.last) ctx.addIssue({ code: "custom", path: [], message: "PERIOD_YEARS_INVERTED" });
  });

describe("one problem per field, from a domain schema", () => {
  it("gives nothing when the values pass", () => {
    expect(listFieldProblems({ first: 2020, last: 2024, name: "abc" }, { schema: Span })).toEqual({});
  });

  it("shows each issue on the field its path names, the first issue of a field winning", () => {
    const problems = listFieldProblems({ first: "x", last: 2024, name: "" }, { schema: Span });
    expect(problems).toEqual({ first: { code: "YEAR_INVALID" }, name: { code: "NAME_INVALID" } });
  });

  it("puts an issue without a field of its own on the field of its rule, else on the fallback, else nowhere", () => {
    const values = { first: 2025, last: 2024, name: "abc" };
    expect(listFieldProblems(values, { schema: Span, fieldOfRule: { PERIOD_YEARS_INVERTED: "last" } })).toEqual({ last: { code: "PERIOD_YEARS_INVERTED" } });
    expect(listFieldProblems(values, { schema: Span, fallbackField: "first" })).toEqual({ first: { code: "PERIOD_YEARS_INVERTED" } });
    expect(listFieldProblems(values, { schema: Span })).toEqual({});
  });

  it("ignores a rule's field that this form does not have and uses the fallback", () => {
    const values = { first: 2025, last: 2024, name: "abc" };
    expect(listFieldProblems(values, { schema: Span, fieldOfRule: { PERIOD_YEARS_INVERTED: "number" }, fallbackField: "first" })).toEqual({ first: { code: "PERIOD_YEARS_INVERTED" } });
  });

  it("maps a nested path with fieldOfPath", () => {
    const schema = z.object({ targets: z.array(z.number().min(0, { error: "TARGET_NEGATIVE" })) });
    const values = { targets: { y2030: 1, y2031: -2 } };
    const problems = listFieldProblems(values, { schema, toInput: (v) => ({ targets: Object.values(v.targets) }), fieldOfPath: (path) => (path === "targets.1" ? "targets.y2031" : path) });
    expect(problems).toEqual({ "targets.y2031": { code: "TARGET_NEGATIVE" } });
  });

  it("checks the rules beyond the schema only once the schema passes, with their details", () => {
    let called = 0;
    const check = () => {
      called += 1;
      return { code: "PERIOD_OVERLAP", details: { first: 4, second: 5 }, field: "first" };
    };
    expect(listFieldProblems({ first: "x", last: 2024, name: "abc" }, { schema: Span, check })).toEqual({ first: { code: "YEAR_INVALID" } });
    expect(called).toBe(0);
    expect(listFieldProblems({ first: 2020, last: 2024, name: "abc" }, { schema: Span, check })).toEqual({ first: { code: "PERIOD_OVERLAP", details: { first: 4, second: 5 } } });
    expect(called).toBe(1);
  });

  it("gives the schema the input made by toInput, not the raw values", () => {
    const problems = listFieldProblems({ first: "2020", last: "2031", number: "5" }, {
      schema: PeriodDraftSchema,
      toInput: (v) => ({ number: readNumberField(v.number), firstYear: readNumberField(v.first), lastYear: readNumberField(v.last) }),
      fieldOfPath: (path) => ({ firstYear: "first", lastYear: "last" })[path] ?? path,
    });
    expect(problems).toEqual({ last: { code: "PERIOD_TOO_LONG" } });
  });
});

describe("a number field keeps what was typed", () => {
  it("reads a plain whole number, with or without a minus and surrounding spaces", () => {
    expect(readNumberField("2030")).toBe(2030);
    expect(readNumberField(" -12 ")).toBe(-12);
    expect(readNumberField("0")).toBe(0);
  });

  it("keeps exponent, decimal and grouped forms as text, for the schema to refuse", () => {
    expect(readNumberField("1e9")).toBe("1e9");
    expect(readNumberField("20.5")).toBe("20.5");
    expect(readNumberField("2.030")).toBe("2.030");
    expect(readNumberField("--2030")).toBe("--2030");
    expect(readNumberField("")).toBe("");
  });

  it("hands '-2030' to a year schema as -2030, which it refuses, never as 2030", () => {
    const draft = PeriodDraftSchema.safeParse({ number: 1, firstYear: readNumberField("-2030"), lastYear: 2034 });
    expect(draft.success).toBe(false);
    expect(draft.error?.issues[0]?.message).toBe("YEAR_INVALID");
    const typed = PeriodDraftSchema.safeParse({ number: 1, firstYear: readNumberField("1e9"), lastYear: 2034 });
    expect(typed.error?.issues[0]?.message).toBe("YEAR_INVALID");
  });
});

describe("rules beyond the schema that find several problems", () => {
  it("shows each on its own field, the first of a field winning", () => {
    const schema = z.object({ a: z.number(), b: z.number() });
    const check = () => [
      { code: "TARGET_NEGATIVE", field: "a" },
      { code: "TARGET_PERCENT_OVER_100", field: "a" },
      { code: "TARGET_CUMULATIVE_DECREASES", field: "b" },
    ];
    expect(listFieldProblems({ a: 1, b: 2 }, { schema, check })).toEqual({ a: { code: "TARGET_NEGATIVE" }, b: { code: "TARGET_CUMULATIVE_DECREASES" } });
  });

  it("gives nothing for an empty list", () => {
    expect(listFieldProblems({ a: 1 }, { schema: z.object({ a: z.number() }), check: () => [] })).toEqual({});
  });
});

describe("a decimal field keeps what was typed", () => {
  it("reads a decimal comma in Bahasa Indonesia and a decimal point in English", () => {
    expect(readDecimalField("1,5", ",")).toBe(1.5);
    expect(readDecimalField("1.5", ".")).toBe(1.5);
    expect(readDecimalField("-12", ",")).toBe(-12);
  });

  it("keeps the other language's separator, a thousands separator and an exponent as text", () => {
    expect(readDecimalField("1.5", ",")).toBe("1.5");
    expect(readDecimalField("1,5", ".")).toBe("1,5");
    expect(readDecimalField("1.000.000", ",")).toBe("1.000.000");
    expect(readDecimalField("1e9", ".")).toBe("1e9");
    expect(readDecimalField("1,", ",")).toBe("1,");
  });

  it("writes a stored number back as it would be typed, and nothing for none", () => {
    expect(writeDecimalField(1.5, ",")).toBe("1,5");
    expect(writeDecimalField(1.5, ".")).toBe("1.5");
    expect(writeDecimalField(null, ",")).toBe("");
    expect(readDecimalField(writeDecimalField(-0.25, ","), ",")).toBe(-0.25);
  });
});
