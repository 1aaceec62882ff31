import type { Kysely } from "kysely";
import { latestDataOrigin, recordDemoSource } from "../../store/data-origin.ts";
import { type DemoCandidates, demoCandidates } from "../../store/queries/demo-candidates.ts";
import type { Database } from "../../store/schema.ts";
import type { SeedRecord } from "../../store/seed-writer.ts";
import { seedAnchor } from "../seed/clock.ts";
import { type DemoData, generateDemoData } from "../seed/generate.ts";

/** What the demo stream is drawn from: its candidates, when it starts, and where both came from. */
export interface DemoStreamSource {
  candidates: DemoCandidates;
  start: Date;
  /** `seed`: regenerated from the store's seed record; `store`: an imported store's candidates, recorded once. */
  origin: "seed" | "store";
  record: SeedRecord | null;
}

/**
 * The candidates of a seeded dataset, as `demoCandidates` would read them from a freshly seeded store: the
 * stream then depends only on the seed, the anchor and the position, never on what earlier events changed.
 */
export function candidatesFromData(data: DemoData): DemoCandidates {
  const byKey = <T>(rows: readonly T[], key: (row: T) => string) =>
    [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const leads = byKey(data.leads, (l) => l.id);
  return {
    qualifiedLeads: leads
      .filter((l) => ["mql", "sql", "qualified"].includes(l.status))
      .map((l) => l.contact_email),
    newLeads: leads.filter((l) => ["new", "working"].includes(l.status)).map((l) => l.contact_email),
    accounts: byKey(data.accounts, (a) => a.domain).map((a) => ({
      domain: a.domain,
      owned: (a.owner ?? null) !== null,
      industry: a.industry ?? null,
    })),
    openOpportunities: byKey(
      data.opportunities.filter((o) => o.stage !== "closed_won" && o.stage !== "closed_lost"),
      (o) => o.id,
    ).map((o) => ({ id: o.id, stage: o.stage })),
    suppressedContacts: byKey(
      data.contacts.filter((c) => c.do_not_contact === 1 || c.unsubscribed === 1 || c.bounced === 1),
      (c) => c.email,
    ).map((c) => c.email),
  };
}

/**
 * Where the demo stream comes from, so it is a pure function of its seed and position, the same across
 * restarts however much the runs change the store. A store the demo seeded regenerates its dataset from the
 * recorded seed and anchor and starts the stream at the anchor. A store filled by import has its candidates
 * read once and recorded (with the stream's start) in the event log; later runs read that record, until the
 * next import or seed, which the newest entry of the log shows.
 */
export async function demoStreamSource(db: Kysely<Database>, now: Date): Promise<DemoStreamSource> {
  const origin = await latestDataOrigin(db);
  if (origin.kind === "seed") {
    const record = { seed: origin.seed, anchor: origin.anchor };
    const anchor = new Date(record.anchor);
    const data = generateDemoData({ seed: record.seed, now: anchor });
    return { candidates: candidatesFromData(data), start: anchor, origin: "seed", record };
  }
  if (origin.kind === "demo_source")
    return { candidates: origin.candidates, start: new Date(origin.start), origin: "store", record: null };
  const candidates = await demoCandidates(db);
  const start = seedAnchor(now);
  await recordDemoSource(db, candidates, start);
  return { candidates, start, origin: "store", record: null };
}
