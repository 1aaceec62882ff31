// The scale scenario's guard measurement: one outreach proposal at a time through the conflict guard's read
// and decision (`decideOutreach`: facts loaded for the batch, the domain rules over them), on a grown store.
import SQLite from "better-sqlite3";
import type { ProposedAction } from "../domain/actions.ts";
import { DEFAULT_CONFLICT_POLICY } from "../domain/conflicts/index.ts";
import { decideOutreach } from "../graph/conflict-guard.ts";
import type { Store } from "../store/db.ts";
import { latencyStats, seeded } from "./stats.ts";

const PROPOSERS = [
  { agent: "lead-engagement", cluster: "bd", play: "sequence" },
  { agent: "campaign-execution", cluster: "marketing", play: "nurture" },
  { agent: "deal-closer", cluster: "bd", play: "deal" },
] as const;

/**
 * Times `samples` guard decisions for random contacts of the store at `now` (after a warm-up); ms each. Only the
 * drawn contacts are kept (one streamed pass over the ordered list): holding all of them (207,700 at 1.1M) made
 * the bench's own heap, not the guard, set the length of the garbage collections that land in the timed samples.
 */
export async function guardDecisions(store: Store, file: string, now: Date, samples: number) {
  const warmUp = Math.min(50, samples);
  const sqlite = new SQLite(file, { readonly: true });
  const where = "from contacts where account_domain is not null";
  const { n } = sqlite.prepare(`select count(*) as n ${where}`).get() as { n: number };
  const random = seeded(7);
  const draws = Array.from({ length: warmUp + samples }, () => Math.floor(random() * n));
  const wanted = new Set(draws);
  const drawn = new Map<number, { email: string; account_domain: string }>();
  let index = 0;
  for (const row of sqlite.prepare(`select email, account_domain ${where} order by email`).iterate()) {
    if (wanted.has(index)) drawn.set(index, row as { email: string; account_domain: string });
    index++;
  }
  sqlite.close();
  const proposal = (i: number): ProposedAction => {
    const c = drawn.get(draws[i]!)!;
    const who = PROPOSERS[i % PROPOSERS.length]!;
    return {
      type: "send_touch",
      id: `${who.agent}#${i}`,
      agent: who.agent,
      cluster: who.cluster,
      play: who.play,
      contactEmail: c.email,
      accountDomain: c.account_domain,
      channel: "email",
      templateId: "bench",
      subject: "Hello",
      body: `Bench message ${i % 5}`,
      campaignId: null,
      sequenceId: null,
      step: 1,
      rationale: "bench",
    };
  };
  for (let i = 0; i < warmUp; i++)
    await decideOutreach(store.db, DEFAULT_CONFLICT_POLICY, [proposal(i)], now);
  const latencies: number[] = [];
  const decisions = new Map<string, number>();
  for (let i = 0; i < samples; i++) {
    const p = proposal(warmUp + i);
    const t = performance.now();
    const { verdicts } = await decideOutreach(store.db, DEFAULT_CONFLICT_POLICY, [p], now);
    latencies.push(performance.now() - t);
    const kind = verdicts[0]?.type === "allow" ? "allow" : (verdicts[0]?.rule ?? "none");
    decisions.set(kind, (decisions.get(kind) ?? 0) + 1);
  }
  return { ...latencyStats(latencies), decisions: Object.fromEntries(decisions) };
}
