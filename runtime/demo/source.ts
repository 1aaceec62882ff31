import type { Kysely } from "kysely";
import { type DemoCandidates, demoCandidates } from "../../store/queries/demo-candidates.ts";
import type { Database } from "../../store/schema.ts";
import { latestSeedRecord, type SeedRecord } from "../../store/seed-writer.ts";
import { seedAnchor } from "../seed/clock.ts";
import { type DemoData, generateDemoData } from "../seed/generate.ts";

/** What the demo stream is drawn from: its candidates, when it starts, and where both came from. */
export interface DemoStreamSource {
  candidates: DemoCandidates;
  start: Date;
  /** `seed`: regenerated from the store's seed record, so restarts see the same stream; `store`: read live. */
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
 * Where the demo stream comes from. A store the demo seeded regenerates its dataset from the recorded seed
 * and anchor and starts the stream at the anchor, so the stream is the same across restarts however much the
 * store has changed; a store filled by import has no record, so its candidates are read from it now.
 */
export async function demoStreamSource(db: Kysely<Database>, now: Date): Promise<DemoStreamSource> {
  const record = await latestSeedRecord(db);
  if (record) {
    const anchor = new Date(record.anchor);
    const data = generateDemoData({ seed: record.seed, now: anchor });
    return { candidates: candidatesFromData(data), start: anchor, origin: "seed", record };
  }
  return { candidates: await demoCandidates(db), start: seedAnchor(now), origin: "store", record: null };
}
