import { describe, expect, it } from "vitest";
import { accountWordsIn, dataNumber, domainsIn, emailIn, roleMatcher } from "./request.ts";

describe("BD request parsing", () => {
  it("finds emails and company domains, skipping free mail and email domains", () => {
    expect(emailIn("write to Ana@Acme.com today")).toBe("ana@acme.com");
    expect(emailIn("no address")).toBeUndefined();
    expect(domainsIn("compare acme.com, www.hooli.com and gmail.com; mail ana@globex.com")).toEqual([
      "acme.com",
      "hooli.com",
    ]);
  });

  it("finds account names in possessives and after prepositions", () => {
    expect(accountWordsIn("Draft a follow-up to Acme's CFO")).toEqual(["Acme"]);
    expect(accountWordsIn("Reach out at Initech about the deal with Hooli")).toEqual(["Initech", "Hooli"]);
  });

  it("matches roles to titles through their synonyms", () => {
    const cfo = roleMatcher("Acme's CFO")!;
    expect(cfo("Chief Financial Officer")).toBe(true);
    expect(cfo("Chief Executive Officer")).toBe(false);
    expect(cfo(null)).toBe(false);
    expect(roleMatcher("someone nice")).toBeNull();
  });

  it("reads numbers from event data, including numeric strings", () => {
    expect(dataNumber({ a: "12", b: 3 }, "x", "a")).toBe(12);
    expect(dataNumber({ b: 3 }, "b")).toBe(3);
    expect(dataNumber({ b: "n/a" }, "b")).toBeUndefined();
    expect(dataNumber(undefined, "b")).toBeUndefined();
  });
});
