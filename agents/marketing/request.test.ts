import { describe, expect, it } from "vitest";
import {
  asksForBulk,
  asksForCampaign,
  channelInText,
  emailsIn,
  mentioned,
  namedCampaign,
  parseMoneyCents,
  slug,
} from "./request.ts";

describe("marketing request helpers", () => {
  it.each([
    ["split our $120k budget", 12_000_000],
    ["$25,000 for paid search", 2_500_000],
    ["about 12000 usd", 1_200_000],
    ["€3.5m next year", 350_000_000],
    ["no money named", undefined],
  ])("reads money from %s", (text, cents) => {
    expect(parseMoneyCents(text)).toBe(cents);
  });

  it("finds channels, names and intent in free text", () => {
    expect(channelInText("Plan a LinkedIn push")).toBe("linkedin");
    expect(channelInText("a paid search test")).toBe("paid_search");
    expect(channelInText("nothing here")).toBeUndefined();
    expect(mentioned("campaign for fintech firms", ["SaaS", "Fintech"])).toBe("Fintech");
    expect(asksForCampaign({ kind: "chat", text: "review the mix and plan the next campaign" })).toBe(true);
    expect(asksForCampaign({ kind: "play", play: "daily-pipeline-review" })).toBe(false);
    expect(asksForBulk({ kind: "chat", text: "bulk enrol them" })).toBe(true);
    expect(slug("  Spring SaaS — Q2!  ")).toBe("spring-saas-q2");
  });

  it("reads the e-mail addresses a chat names, lower-cased and once each", () => {
    expect(emailsIn("send the intro to Sam.Stop@Acme.com, then sam.stop@acme.com.")).toEqual([
      "sam.stop@acme.com",
    ]);
    expect(emailsIn("ana@acme.com and uri.ops@umbrella.co.uk")).toEqual([
      "ana@acme.com",
      "uri.ops@umbrella.co.uk",
    ]);
    expect(emailsIn("no address at acme.com or @acme")).toEqual([]);
  });

  it("finds a campaign named by id or exact name, as whole words, longest mention first", () => {
    const campaigns = [
      { id: "c-spring-nurture", name: "Spring nurture" },
      { id: "c-spring-2", name: "Spring nurture 2" },
      { id: "cmp-webinar", name: "Webinar: Pipeline hygiene" },
    ];
    const pick = (text: string) => namedCampaign(text, campaigns)?.id;
    expect(pick("Kick off enrolment for the spring  nurture campaign")).toBe("c-spring-nurture");
    expect(pick("enrol them in Spring Nurture 2 today")).toBe("c-spring-2");
    expect(pick("enrol them in c-spring-nurture")).toBe("c-spring-nurture");
    expect(pick("invite them to webinar: pipeline hygiene!")).toBe("cmp-webinar");
    expect(pick("the spring nurtures")).toBeUndefined();
    expect(pick("the webinar campaign")).toBeUndefined();
    expect(pick("cmp-webinar-2")).toBeUndefined();
  });
});
