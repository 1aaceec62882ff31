import { describe, expect, it } from "vitest";
import { escapeControl, looksLikeFormula, spreadsheetSafe } from "./text-safety.ts";

describe("text safety", () => {
  it("escapes terminal control characters and keeps ordinary text and line breaks", () => {
    expect(escapeControl("a\u001b]0;pwned\u0007b\u001b[2Jc")).toBe("a\\x1B]0;pwned\\x07b\\x1B[2Jc");
    expect(escapeControl("line one\nline two\tTabbed ünïcødé")).toBe("line one\nline two\tTabbed ünïcødé");
    expect(escapeControl("\u009b31m")).toBe("\\x9B31m");
  });

  it("neutralises values a spreadsheet would evaluate", () => {
    for (const v of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"]) {
      expect(looksLikeFormula(v)).toBe(true);
      expect(spreadsheetSafe(v).startsWith("'")).toBe(true);
    }
    expect(spreadsheetSafe("Acme Q3 webinar")).toBe("Acme Q3 webinar");
    expect(spreadsheetSafe("=A1\u001b")).toBe("'=A1\\x1B");
  });
});
