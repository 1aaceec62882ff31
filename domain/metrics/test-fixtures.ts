import fc from "fast-check";
import { STAGES, type Stage } from "../pipeline/index.ts";
import type { OpportunityFacts } from "./facts.ts";

const EPOCH = Date.UTC(2025, 0, 1);

/** Midnight UTC `n` days after 2025-01-01, for hand-worked tests. */
export function day(n: number): Date {
  return new Date(EPOCH + n * 86_400_000);
}

/** An opportunity for tests; history given as [stage, day] pairs, created at the first entry unless set. */
export function opp(
  id: string,
  amountCents: number,
  history: readonly (readonly [Stage, number])[],
  createdDay?: number,
): OpportunityFacts {
  const last = history.at(-1);
  if (last === undefined) throw new Error("test opportunity needs a stage history");
  const stage = last[0];
  const closed = stage === "closed_won" || stage === "closed_lost";
  return {
    id,
    accountDomain: `${id}.example.com`,
    amountCents,
    stage,
    createdAt: day(createdDay ?? history[0]?.[1] ?? 0),
    closedAt: closed ? day(last[1]) : null,
    stageHistory: history.map(([s, d]) => ({ stage: s, enteredAt: day(d) })),
  };
}

/** Arbitrary opportunities with consistent close times and a random stage history. */
export const oppArb: fc.Arbitrary<OpportunityFacts> = fc
  .record({
    id: fc.uuid(),
    amountCents: fc.integer({ min: 0, max: 1_000_000_000 }),
    stage: fc.constantFrom(...STAGES),
    created: fc.integer({ min: 0, max: 400 }),
    age: fc.integer({ min: 0, max: 400 }),
    history: fc.array(fc.tuple(fc.constantFrom(...STAGES), fc.integer({ min: 0, max: 400 })), {
      maxLength: 8,
    }),
  })
  .map(({ id, amountCents, stage, created, age, history }) => ({
    id,
    accountDomain: "x.example.com",
    amountCents,
    stage,
    createdAt: day(created),
    closedAt: stage === "closed_won" || stage === "closed_lost" ? day(created + age) : null,
    stageHistory: history.map(([s, d]) => ({ stage: s, enteredAt: day(created + d) })),
  }));

/**
 * Six opportunities whose metrics are worked by hand in the tests (days after 2025-01-01, amounts in cents):
 * A new $1,000; B proposal $2,000 (skipped qualified); C won $3,000 in 30 days through every stage;
 * D won $5,000 in 60 days, created at discovery, skipped negotiation; E lost $1,000 from qualified;
 * F negotiation $4,000 with one step back.
 */
export const HAND_WORKED = [
  opp("a", 100_000, [["new", 0]]),
  opp("b", 200_000, [
    ["new", 10],
    ["discovery", 15],
    ["proposal", 20],
  ]),
  opp("c", 300_000, [
    ["new", 0],
    ["qualified", 5],
    ["discovery", 10],
    ["proposal", 20],
    ["negotiation", 25],
    ["closed_won", 30],
  ]),
  opp("d", 500_000, [
    ["discovery", 20],
    ["proposal", 40],
    ["closed_won", 80],
  ]),
  opp("e", 100_000, [
    ["new", 0],
    ["qualified", 10],
    ["closed_lost", 45],
  ]),
  opp("f", 400_000, [
    ["new", 50],
    ["qualified", 55],
    ["discovery", 60],
    ["proposal", 65],
    ["negotiation", 70],
    ["proposal", 72],
    ["negotiation", 75],
  ]),
];
