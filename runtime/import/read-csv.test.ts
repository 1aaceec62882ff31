import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCsv } from "./read-csv.ts";

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "growth-csv-")), "x.csv");
  writeFileSync(path, text);
  return path;
}

describe("readCsv", () => {
  it("maps values by the expected columns, ignoring extra and reordered columns", () => {
    const csv = readCsv(file("b,extra,a\n2,x,1\n"), ["a", "b"]);
    expect(csv).toEqual({ ok: true, rows: [{ line: 2, values: { a: "1", b: "2" } }], problems: [] });
  });

  it("names every missing column on line 1", () => {
    const csv = readCsv(file("a,c\n1,2\n"), ["a", "b", "d"]);
    expect(csv.ok).toBe(false);
    if (!csv.ok) {
      expect(csv.problem.line).toBe(1);
      expect(csv.problem.reason).toContain('missing columns "b", "d"');
    }
  });

  it("counts physical lines: blank lines, CRLF and multi-line quoted fields", () => {
    const csv = readCsv(file('a,b\r\n1,2\r\n\r\n"x\r\ny",3\r\n4,5\r\n'), ["a", "b"]);
    if (!csv.ok) throw new Error("expected a readable file");
    expect(csv.rows.map((r) => r.line)).toEqual([2, 4, 6]);
    expect(csv.rows[1]?.values.a).toBe("x\ny");
  });

  it("reports rows with the wrong number of fields and skips all-empty rows", () => {
    const csv = readCsv(file("a,b\n1\n,\n3,4,5\n6,7\n"), ["a", "b"]);
    if (!csv.ok) throw new Error("expected a readable file");
    expect(csv.rows).toEqual([{ line: 5, values: { a: "6", b: "7" } }]);
    expect(csv.problems).toEqual([
      { line: 2, reason: "the row has 1 fields but the header has 2" },
      { line: 4, reason: "the row has 3 fields but the header has 2" },
    ]);
  });

  it("reports broken quoting once, by line, and keeps the rows before it", () => {
    const csv = readCsv(file('a,b\n1,2\n3,"bad"x\n'), ["a", "b"]);
    if (!csv.ok) throw new Error("expected a readable file");
    expect(csv.rows.map((r) => r.line)).toEqual([2]);
    expect(csv.problems).toHaveLength(1);
    expect(csv.problems[0]?.line).toBe(3);
    expect(csv.problems[0]?.reason).toContain("broken quoting");
  });

  it("treats an empty file as a header problem and strips a byte-order mark", () => {
    expect(readCsv(file(""), ["a"]).ok).toBe(false);
    const csv = readCsv(file("\uFEFFa\n1\n"), ["a"]);
    expect(csv.ok && csv.rows[0]?.values.a).toBe("1");
  });
});

describe("readCsv headers", () => {
  it("matches headers ignoring case, spacing, _ and -, and by the aliases given", () => {
    const csv = readCsv(
      file("Deal - Title, ACCOUNT domain ,x\nBig deal,acme.com,1\n"),
      ["name", "account_domain"],
      {
        aliases: { name: ["Deal Title"] },
      },
    );
    expect(csv).toEqual({
      ok: true,
      rows: [{ line: 2, values: { name: "Big deal", account_domain: "acme.com" } }],
      problems: [],
    });
  });

  it("refuses a header that names one column twice", () => {
    const csv = readCsv(file("email,Name,E-mail,EMAIL\na,b,c,d\n"), ["email"]);
    expect(csv).toEqual({
      ok: false,
      problem: {
        line: 1,
        reason:
          'column "EMAIL" appears twice (columns 1 and 4); remove one so it is clear which holds the value',
      },
    });
  });

  it("leaves optional columns empty when the header lacks them", () => {
    const csv = readCsv(file("email\na@b.com\n"), ["email", "title"], { optional: ["title"] });
    expect(csv.ok && csv.rows[0]?.values).toEqual({ email: "a@b.com", title: "" });
  });
});
