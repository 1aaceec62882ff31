import fc from "fast-check";
import { expect, it } from "vitest";
import { describeEachDialect, useTestStore } from "../../test/helpers/dialects.ts";
import { acquireLease, releaseLeases } from "./leases.ts";

type Op =
  | { kind: "acquire"; holder: string; account: string; advanceMs: number; ttlMs: number }
  | { kind: "release"; holder: string; advanceMs: number };

const holders = fc.constantFrom("run-a", "run-b", "run-c");
const accounts = fc.constantFrom("acme.com", "globex.com");
const advance = fc.integer({ min: 0, max: 400 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("acquire" as const),
      holder: holders,
      account: accounts,
      advanceMs: advance,
      ttlMs: fc.integer({ min: 1, max: 600 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("release" as const), holder: holders, advanceMs: advance }),
  },
);

/** One holder's hold on an account, from when it was granted until it expired or was released. */
interface Hold {
  holder: string;
  account: string;
  from: number;
  until: number;
}

describeEachDialect("account leases under random interleavings (atomic upsert)", (dialect) => {
  // One store per block, emptied before each generated case (a fresh Postgres database per case is slow).
  const current = useTestStore(dialect, "all");

  it("grant exactly when the account is free, expired or already ours, and never give two holders overlapping time", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60 }), async (ops) => {
        const store = current();
        await store.db.deleteFrom("leases").execute();
        {
          let now = Date.parse("2026-11-10T12:00:00.000Z");
          const model = new Map<string, { holder: string; expiresAt: number }>();
          const holds: Hold[] = [];
          const close = (account: string, at: number) => {
            const open = holds.findLast((h) => h.account === account && h.until > at);
            if (open) open.until = at;
          };
          for (const o of ops) {
            now += o.advanceMs;
            if (o.kind === "release") {
              await releaseLeases(store.db, o.holder);
              for (const [account, lease] of model) {
                if (lease.holder === o.holder) {
                  model.delete(account);
                  close(account, now);
                }
              }
              continue;
            }
            const current = model.get(o.account);
            const free = !current || current.expiresAt <= now || current.holder === o.holder;
            const result = await acquireLease(store.db, {
              accountDomain: o.account,
              holder: o.holder,
              runId: o.holder,
              threadId: `account:${o.account}`,
              now: new Date(now),
              ttlMs: o.ttlMs,
            });
            expect(result.granted).toBe(free);
            if (result.granted) {
              close(o.account, now);
              model.set(o.account, { holder: o.holder, expiresAt: now + o.ttlMs });
              holds.push({ holder: o.holder, account: o.account, from: now, until: now + o.ttlMs });
            } else {
              expect(result.holder).toBe(current!.holder);
            }
          }
          // No two different holders ever held one account at the same instant.
          for (const a of holds) {
            for (const b of holds) {
              if (a === b || a.account !== b.account || a.holder === b.holder) continue;
              expect(
                a.from < b.until && b.from < a.until,
                `${a.holder} and ${b.holder} overlap on ${a.account}`,
              ).toBe(false);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("let only one of many simultaneous takers win (on Postgres each on its own connection)", async () => {
    const store = current();
    await store.db.deleteFrom("leases").execute();
    const now = new Date("2026-11-10T12:00:00.000Z");
    const results = await Promise.all(
      ["run-a", "run-b", "run-c", "run-d"].map((holder) =>
        acquireLease(store.db, {
          accountDomain: "acme.com",
          holder,
          runId: holder,
          threadId: "t",
          now,
          ttlMs: 60_000,
        }),
      ),
    );
    expect(results.filter((r) => r.granted)).toHaveLength(1);
    expect(new Set(results.map((r) => r.holder)).size).toBe(1);
  });
});
