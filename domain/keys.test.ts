import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountKey, contactKey, FREE_MAIL_DOMAINS, isFreeMailDomain } from "./keys.ts";

describe("accountKey", () => {
  it.each([
    ["acme.com", "acme.com"],
    ["  Acme.COM  ", "acme.com"],
    ["www.acme.com", "acme.com"],
    ["https://www.Acme.com/about?x", "acme.com"],
    ["http://acme.com:8080/path#top", "acme.com"],
    ["acme.com/pricing", "acme.com"],
    ["acme.com.", "acme.com"],
    ["bob@sales.acme.co.uk", "acme.co.uk"],
    ["Bob.Smith@Acme.com", "acme.com"],
    ["mailto:bob@acme.com", "acme.com"],
    ["https://user:pass@eu.app.acme.io/login", "acme.io"],
    ["shop.acme.com.au", "acme.com.au"],
    ["www.acme.co.jp", "acme.co.jp"],
    ["a.b.c.acme.com.br", "acme.com.br"],
    ["acme.github.io", "acme.github.io"],
    ["docs.acme.github.io", "acme.github.io"],
    ["xn--bcher-kva.de", "xn--bcher-kva.de"],
    ["bücher.de", "xn--bcher-kva.de"],
    ["163-acme.cn", "163-acme.cn"],
  ])("%s → %s", (input, expected) => {
    expect(accountKey(input)).toBe(expected);
  });

  it("keeps company domains of mail providers' parents: mail.google.com → google.com", () => {
    expect(accountKey("https://mail.google.com")).toBe("google.com");
  });

  it.each([
    "gmail.com",
    "bob@gmail.com",
    "bob@GoogleMail.com",
    "x@yahoo.co.uk",
    "x@mail.yahoo.co.uk",
    "https://www.outlook.com",
    "proton.me",
  ])("rejects free-mail domains and their subdomains: %s", (input) => {
    expect(accountKey(input)).toBeNull();
  });

  it.each([
    "",
    "   ",
    "acme",
    "localhost:3000",
    "com",
    "co.uk",
    "www.co.uk",
    "a.www.co.uk",
    "10.0.0.1",
    "http://192.168.1.1/admin",
    "https://[::1]/",
    "acme .com",
    "-acme.com",
    "acme-.com",
    "acme..com",
    "acme.c",
    "acme.123",
    "%41cme.com",
    "bob@",
    "github.io",
    `${"a".repeat(64)}.com`,
  ])("gives null for what is not a domain: %j", (input) => {
    expect(accountKey(input)).toBeNull();
  });

  it("accepts the longest legal label", () => {
    const label = "a".repeat(63);
    expect(accountKey(`${label}.com`)).toBe(`${label}.com`);
  });

  it("is idempotent", () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
    const tld = fc.constantFrom("com", "io", "co.uk", "com.au", "de", "github.io", "uk");
    const input = fc
      .tuple(
        fc.constantFrom("", "http://", "https://www.", "www.", "bob@"),
        fc.array(label, { maxLength: 3 }),
        tld,
        fc.constantFrom("", "/", "/about?x=1", ":8080"),
      )
      .map(([prefix, labels, suffix, rest]) => `${prefix}${[...labels, suffix].join(".")}${rest}`);
    fc.assert(
      fc.property(fc.oneof(input, fc.string()), (x) => {
        const key = accountKey(x);
        expect(key === null ? null : accountKey(key)).toBe(key);
      }),
    );
  });

  it("never returns a free-mail domain, upper case, or a leading www.", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...FREE_MAIL_DOMAINS), fc.boolean(), (x, free, mix) => {
        const key = accountKey(mix ? `${x}@${free}` : x);
        if (key !== null) {
          expect(FREE_MAIL_DOMAINS.has(key)).toBe(false);
          expect(key).toBe(key.toLowerCase());
          expect(key.startsWith("www.") && key.split(".").length > 2).toBe(false);
        }
      }),
    );
  });
});

describe("contactKey", () => {
  it.each([
    ["bob@acme.com", "bob@acme.com"],
    ["  Bob.Smith@ACME.com ", "bob.smith@acme.com"],
    ["bob+news@sales.acme.co.uk", "bob+news@sales.acme.co.uk"],
    ["jane@gmail.com", "jane@gmail.com"],
  ])("%j → %s", (input, expected) => {
    expect(contactKey(input)).toBe(expected);
  });

  it.each([
    "",
    "bob",
    "bob@",
    "@acme.com",
    "bob@acme",
    "bob@@acme.com",
    "bob smith@acme.com",
    "bob@acme .com",
    ".bob@acme.com",
    "bob.@acme.com",
    "bo..b@acme.com",
    "bob@acme.com/x",
    "Bob <bob@acme.com>",
    "bob@10.0.0.1",
    `${"b".repeat(65)}@acme.com`,
  ])("gives null for an implausible email: %j", (input) => {
    expect(contactKey(input)).toBeNull();
  });

  it("is idempotent and lower-case", () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string()), (x) => {
        const key = contactKey(x);
        if (key !== null) {
          expect(contactKey(key)).toBe(key);
          expect(key).toBe(key.toLowerCase());
        }
      }),
    );
  });
});

describe("isFreeMailDomain", () => {
  it("knows the big providers in any case, with or without subdomains", () => {
    expect(isFreeMailDomain("gmail.com")).toBe(true);
    expect(isFreeMailDomain("GMail.Com")).toBe(true);
    expect(isFreeMailDomain("mail.yahoo.co.uk")).toBe(true);
    expect(isFreeMailDomain("163.com")).toBe(true);
    expect(isFreeMailDomain("web.de")).toBe(true);
  });

  it("is false for company domains and non-domains", () => {
    expect(isFreeMailDomain("acme.com")).toBe(false);
    expect(isFreeMailDomain("gmail.acme.com")).toBe(false);
    expect(isFreeMailDomain("")).toBe(false);
    expect(isFreeMailDomain("gmail")).toBe(false);
  });

  it("lists every entry as a lower-case registrable domain", () => {
    for (const domain of FREE_MAIL_DOMAINS) expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});
