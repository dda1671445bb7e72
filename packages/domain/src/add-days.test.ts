import { describe, expect, it } from "vitest";
import { addDays, dayAfter, dayBefore } from "./dates.ts";

describe("addDays", () => {
  it("crosses a month end and a leap day", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
  });
  it("crosses a year end both ways", () => {
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
  });
  it("leaves the date as it is for zero days, and adds many at once", () => {
    expect(addDays("2024-06-15", 0)).toBe("2024-06-15");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
  });
  it("is what dayBefore and dayAfter are, one day each way", () => {
    expect([dayBefore("2024-03-01"), dayAfter("2024-02-29")]).toEqual([addDays("2024-03-01", -1), addDays("2024-02-29", 1)]);
  });
});
