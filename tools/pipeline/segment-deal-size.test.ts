import { describe, expect, it } from "vitest";
import type { Stage } from "../../domain/pipeline/index.ts";
import { estimateDealSize, wonDealSumsOf } from "./segment-deal-size.ts";

const won = (
  amountCents: number,
  industry: string | null,
  employees: number | null,
  stage: Stage = "closed_won",
) => ({
  id: `o-${amountCents}`,
  accountDomain: "x.com",
  amountCents,
  stage,
  createdAt: new Date("2025-01-01"),
  closedAt: new Date("2025-06-01"),
  stageHistory: [],
  industry,
  employees,
});

describe("estimateDealSize", () => {
  const facts = [
    won(1_000_000, "SaaS", 300),
    won(3_000_000, "SaaS", 400),
    won(9_000_000, "SaaS", 3000),
    won(5_000_000, "Fintech", 300, "closed_lost"),
    won(2_000_000, "Retail", 20),
  ];
  const sums = wonDealSumsOf(facts);

  it("uses the narrowest group with a win: segment, then industry, then all", () => {
    expect(estimateDealSize(sums, "saas", "201-1000")).toMatchObject({
      amountCents: 2_000_000,
      basis: "segment",
      wonDeals: 2,
    });
    expect(estimateDealSize(sums, "SaaS", "51-200")).toMatchObject({
      amountCents: 4_333_333,
      basis: "industry",
      wonDeals: 3,
    });
    // Fintech only lost: all four wins average $37,500.
    expect(estimateDealSize(sums, "Fintech", "201-1000")).toMatchObject({
      amountCents: 3_750_000,
      basis: "all_won",
    });
    expect(estimateDealSize(sums, null, "unknown")).toMatchObject({ basis: "all_won" });
  });

  it("returns no amount when nothing was ever won", () => {
    expect(
      estimateDealSize(wonDealSumsOf([won(5_000_000, "SaaS", 300, "closed_lost")]), "SaaS", "201-1000"),
    ).toEqual({
      amountCents: null,
      basis: "none",
      wonDeals: 0,
      reason: "no deal has been won yet",
    });
  });
});
