import { describe, expect, it } from "vitest";
import { asksForBulk, asksForCampaign, channelInText, mentioned, parseMoneyCents, slug } from "./request.ts";

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
});
