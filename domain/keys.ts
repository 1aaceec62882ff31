/** Mail providers whose domains identify a person's mailbox, never a company account. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "outlook.de",
  "outlook.fr",
  "hotmail.com",
  "hotmail.co.uk",
  "hotmail.de",
  "hotmail.fr",
  "hotmail.it",
  "live.com",
  "live.co.uk",
  "live.fr",
  "msn.com",
  "passport.com",
  "yahoo.com",
  "yahoo.co.uk",
  "yahoo.co.jp",
  "yahoo.co.in",
  "yahoo.com.au",
  "yahoo.com.br",
  "yahoo.de",
  "yahoo.fr",
  "yahoo.es",
  "yahoo.it",
  "ymail.com",
  "rocketmail.com",
  "aol.com",
  "aim.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "proton.me",
  "protonmail.com",
  "protonmail.ch",
  "pm.me",
  "tutanota.com",
  "tuta.io",
  "fastmail.com",
  "hey.com",
  "duck.com",
  "hushmail.com",
  "gmx.com",
  "gmx.de",
  "gmx.net",
  "gmx.at",
  "gmx.ch",
  "web.de",
  "t-online.de",
  "freenet.de",
  "mail.com",
  "email.com",
  "inbox.com",
  "zoho.com",
  "zohomail.com",
  "yandex.com",
  "yandex.ru",
  "yandex.ua",
  "ya.ru",
  "mail.ru",
  "inbox.ru",
  "list.ru",
  "bk.ru",
  "rambler.ru",
  "qq.com",
  "163.com",
  "126.com",
  "sina.com",
  "sohu.com",
  "aliyun.com",
  "naver.com",
  "hanmail.net",
  "daum.net",
  "rediffmail.com",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "laposte.net",
  "sfr.fr",
  "libero.it",
  "virgilio.it",
  "tiscali.it",
  "seznam.cz",
  "wp.pl",
  "o2.pl",
  "interia.pl",
  "onet.pl",
  "btinternet.com",
  "sky.com",
  "virginmedia.com",
  "comcast.net",
  "verizon.net",
  "att.net",
  "sbcglobal.net",
  "bellsouth.net",
  "cox.net",
  "charter.net",
  "earthlink.net",
  "juno.com",
  "shaw.ca",
  "rogers.com",
  "sympatico.ca",
  "bigpond.com",
  "optusnet.com.au",
  "xtra.co.nz",
  "uol.com.br",
  "bol.com.br",
  "terra.com.br",
]);

// Second-level labels under which registrations happen, by top-level domain: "acme.co.uk", not "co.uk".
// A compact stand-in for the Public Suffix List, covering the suffixes B2B data meets most.
const SECOND_LEVEL: Readonly<Record<string, readonly string[]>> = {
  uk: ["co", "org", "me", "ltd", "plc", "net", "ac", "gov", "nhs", "police", "sch"],
  au: ["com", "net", "org", "edu", "gov", "asn", "id"],
  nz: ["co", "org", "net", "ac", "govt", "school", "geek"],
  jp: ["co", "ne", "or", "ac", "go", "gr", "ed", "lg"],
  br: ["com", "net", "org", "gov", "edu", "art", "ind", "tec", "eco", "blog"],
  mx: ["com", "org", "gob", "edu", "net"],
  in: ["co", "net", "org", "firm", "gen", "ind", "ac", "edu", "gov", "res"],
  za: ["co", "org", "net", "gov", "ac", "web"],
  sg: ["com", "net", "org", "edu", "gov"],
  cn: ["com", "net", "org", "gov", "edu", "ac"],
  hk: ["com", "net", "org", "edu", "gov", "idv"],
  tw: ["com", "net", "org", "edu", "gov", "idv"],
  tr: ["com", "net", "org", "gen", "biz", "info", "web", "gov", "edu", "av", "k12"],
  kr: ["co", "or", "ne", "go", "ac", "re"],
  ar: ["com", "net", "org", "gob", "edu"],
  co: ["com", "net", "org", "edu", "gov"],
  pe: ["com", "net", "org", "edu", "gob"],
  cl: ["gob"],
  uy: ["com", "net", "org", "edu", "gub"],
  ve: ["com", "net", "org", "co"],
  ec: ["com", "net", "org", "edu", "gob", "fin"],
  il: ["co", "org", "net", "ac", "gov", "muni"],
  ua: ["com", "net", "org", "gov", "in"],
  my: ["com", "net", "org", "edu", "gov"],
  ph: ["com", "net", "org", "edu", "gov"],
  id: ["co", "or", "ac", "go", "web", "net", "my", "sch"],
  th: ["co", "or", "ac", "go", "in", "net"],
  vn: ["com", "net", "org", "edu", "gov"],
  pk: ["com", "net", "org", "edu", "gov"],
  bd: ["com", "net", "org", "edu", "gov"],
  lk: ["com", "org", "edu", "gov"],
  ng: ["com", "org", "net", "edu", "gov"],
  ke: ["co", "or", "ne", "ac", "go"],
  eg: ["com", "edu", "gov", "org"],
  sa: ["com", "net", "org", "edu", "gov"],
  ae: ["co", "net", "org", "ac", "gov"],
  pl: ["com", "net", "org"],
  es: ["com", "org", "nom", "gob", "edu"],
  fr: ["gouv", "asso"],
  gr: ["com", "edu", "org", "net", "gov"],
  cy: ["com", "ac", "net", "org", "gov"],
  mt: ["com", "org", "net", "edu", "gov"],
  // Hosting platforms where every subdomain belongs to a different owner.
  io: ["github"],
  com: [
    "herokuapp",
    "blogspot",
    "appspot",
    "myshopify",
    "wixsite",
    "azurewebsites",
    "cloudfront",
    "firebaseapp",
  ],
  app: ["vercel", "netlify", "web"],
  dev: ["pages"],
};

const MULTI_PART_SUFFIXES: ReadonlySet<string> = new Set(
  Object.entries(SECOND_LEVEL).flatMap(([tld, labels]) => labels.map((label) => `${label}.${tld}`)),
);

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// A top-level domain has a letter: this keeps IPv4 addresses ("10.0.0.1") out.
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//;
const EMAIL_LOCAL = /^[^\s@<>()[\]\\,;:"]{1,64}$/;

/** The registrable domain (eTLD+1) of a domain, URL or email, lower-cased; null for free mail or non-domains. */
export function accountKey(input: string): string | null {
  const host = hostOf(input);
  if (host === null) return null;
  const domain = registrableDomain(host);
  // "www" names a web server, never a company: "www.co.uk" is a suffix with a prefix, not an account.
  if (domain === null || domain.startsWith("www.") || FREE_MAIL_DOMAINS.has(domain)) return null;
  return domain;
}

/** The trimmed, lower-cased email, or null when it is not a plausible address. */
export function contactKey(email: string): string | null {
  const key = email.trim().toLowerCase();
  const at = key.lastIndexOf("@");
  if (at < 0 || key.length > 254) return null;
  const local = key.slice(0, at);
  const domain = key.slice(at + 1);
  if (!EMAIL_LOCAL.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
    return null;
  }
  if (/[/?#:\s]/.test(domain) || asciiDomain(domain) === null) return null;
  return key;
}

/** Whether a domain (or any subdomain of it) belongs to a free-mail provider. */
export function isFreeMailDomain(domain: string): boolean {
  const host = hostOf(domain);
  if (host === null) return false;
  const registrable = registrableDomain(host);
  return FREE_MAIL_DOMAINS.has(host) || (registrable !== null && FREE_MAIL_DOMAINS.has(registrable));
}

// The host name inside a bare domain, URL or email; null when there is none.
function hostOf(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (text.startsWith("mailto:")) text = text.slice("mailto:".length);
  text = text.replace(SCHEME, "");
  const end = text.search(/[/?#]/);
  let authority = end < 0 ? text : text.slice(0, end);
  const at = authority.lastIndexOf("@");
  if (at >= 0) authority = authority.slice(at + 1);
  authority = authority.replace(/:\d*$/, "");
  if (authority.endsWith(".")) authority = authority.slice(0, -1);
  return asciiDomain(authority);
}

// A syntactically valid host name with at least two labels, in ASCII (punycode for internationalised names).
function asciiDomain(candidate: string): string | null {
  if (candidate === "" || /[\s/?#@:[\]\\%]/.test(candidate)) return null;
  let host = candidate;
  if (/[^ -~]/.test(host)) {
    // WHATWG URL parsing is pure and applies the IDNA mapping we need for non-ASCII names.
    try {
      host = new URL(`http://${candidate}`).hostname;
    } catch {
      return null;
    }
  }
  if (host.length > 253) return null;
  const labels = host.split(".");
  const top = labels.at(-1) ?? "";
  if (labels.length < 2 || !TOP_LABEL.test(top) || !labels.every((label) => LABEL.test(label))) return null;
  return host;
}

// The public suffix plus one label; null when the host is itself a public suffix.
function registrableDomain(host: string): string | null {
  const labels = host.split(".");
  const lastTwo = labels.slice(-2).join(".");
  const suffixLabels = labels.length >= 2 && MULTI_PART_SUFFIXES.has(lastTwo) ? 2 : 1;
  if (labels.length <= suffixLabels) return null;
  return labels.slice(-(suffixLabels + 1)).join(".");
}
