import type { Faker } from "@faker-js/faker";
import { REPS } from "./catalog-people.ts";
import { DAY, HOUR, iso, type SeedClock } from "./clock.ts";
import { daysBetween, timeBetween } from "./random.ts";
import { LOST_REASONS, type SeedStage, stagePath } from "./stage-path.ts";
import type { AccountSeed, OpportunitySeed, StageEntry, StageHistoryRow } from "./types.ts";

/** How many opportunities sit in each open stage; at most one open deal per account. */
const OPEN_COUNTS: ReadonlyArray<readonly [SeedStage, number]> = [
  ["new", 14],
  ["qualified", 16],
  ["discovery", 20],
  ["proposal", 18],
  ["negotiation", 12],
];
const WON = 48;
const LOST = 42;
/** Accounts with at least one opportunity; every one of them gets an owner (about a third of accounts). */
const DEAL_ACCOUNTS = 110;

const PRODUCTS = ["Growth Platform", "Enterprise Plan", "Team Plan", "Analytics Add-on", "Pilot"];

/** Opportunities with their stage history, on older accounts, owned by the BD reps. */
export interface GeneratedOpportunities {
  readonly opportunities: OpportunitySeed[];
  readonly history: StageHistoryRow[];
}

/** Generates every opportunity and its stage history, and sets the owner of each deal's account. */
export function generateOpportunities(
  faker: Faker,
  accounts: AccountSeed[],
  clock: SeedClock,
): GeneratedOpportunities {
  const eligible = accounts.filter((a) => a.createdMs <= clock.now - 120 * DAY);
  const chosen = faker.helpers.arrayElements(eligible, Math.min(DEAL_ACCOUNTS, eligible.length));
  const open = faker.helpers.shuffle(OPEN_COUNTS.flatMap(([stage, n]) => Array<SeedStage>(n).fill(stage)));
  const closed = faker.helpers.shuffle([
    ...Array<SeedStage>(WON).fill("closed_won"),
    ...Array<SeedStage>(LOST).fill("closed_lost"),
  ]);
  const withOpen = Math.min(open.length, chosen.length);
  // Accounts without an open deal get one closed deal; the remaining closed deals go one each to randomly
  // chosen deal accounts, so some accounts have a deal history before their current one.
  const extra = new Set(
    faker.helpers.arrayElements(
      chosen.map((_, i) => i),
      Math.max(0, closed.length - (chosen.length - withOpen)),
    ),
  );
  const drafts: OpportunitySeed[] = [];
  chosen.forEach((account, i) => {
    const owner = faker.helpers.arrayElement(REPS);
    account.row.owner = owner;
    const closedCount = (i < withOpen ? 0 : 1) + (extra.has(i) ? 1 : 0);
    const stages: SeedStage[] = [];
    for (let k = 0; k < closedCount; k++) stages.push(closed.pop() ?? "closed_lost");
    if (i < withOpen) stages.push(open[i] ?? "new");
    drafts.push(...placeDeals(faker, account, owner, stages, clock));
  });
  drafts.sort((a, b) => a.createdMs - b.createdMs || (a.row.account_domain < b.row.account_domain ? -1 : 1));
  const history: StageHistoryRow[] = [];
  const opportunities = drafts.map((draft, i) => {
    const id = `opp-${String(i + 1).padStart(4, "0")}`;
    for (const row of historyRows(draft, id)) history.push(row);
    return { ...draft, row: { ...draft.row, id } };
  });
  return { opportunities, history };
}

/** Lays an account's deals out in time: closed ones first, the open one (if any) last. */
function placeDeals(
  faker: Faker,
  account: AccountSeed,
  owner: string,
  stages: SeedStage[],
  clock: SeedClock,
): OpportunitySeed[] {
  const from = account.createdMs + 14 * DAY;
  const span = (clock.now - DAY - from) / stages.length;
  return stages.map((final, k) => {
    const segStart = from + k * span;
    const segEnd = segStart + span;
    const isClosed = final === "closed_won" || final === "closed_lost";
    const createdMs = isClosed
      ? timeBetween(faker, segStart, segStart + span / 4)
      : Math.max(timeBetween(faker, segStart, segStart + DAY), clock.now - daysBetween(faker, 5, 200));
    const cycle = final === "closed_won" ? daysBetween(faker, 30, 150) : daysBetween(faker, 15, 120);
    const closedMs = isClosed ? Math.min(createdMs + cycle, Math.floor(segEnd / 1000) * 1000) : null;
    const lostReason = final === "closed_lost" ? faker.helpers.arrayElement(LOST_REASONS) : null;
    const moves = stagePath(faker, final, lostReason);
    const times = entryTimes(
      faker,
      moves.length,
      createdMs,
      closedMs ?? clock.now - 2 * HOUR,
      closedMs !== null,
    );
    const entries: StageEntry[] = moves.map((m, j) => ({
      from: m.from,
      stage: m.to,
      reason: m.reason,
      at: times[j] ?? createdMs,
    }));
    const dollars = faker.number.int({ min: account.band.dealDollars[0], max: account.band.dealDollars[1] });
    const amount = Math.min(250_000, Math.max(5_000, Math.round(dollars / 500) * 500));
    const product = k === 0 ? faker.helpers.arrayElement(PRODUCTS) : "Expansion";
    const lastAt = entries[entries.length - 1]?.at ?? createdMs;
    return {
      row: {
        id: "",
        account_domain: account.row.domain,
        name: `${account.row.name} - ${product}`,
        amount_cents: amount * 100,
        currency: "USD",
        stage: final,
        owner,
        created_at: iso(createdMs),
        closed_at: closedMs === null ? null : iso(closedMs),
        lost_reason: lostReason,
        updated_at: iso(lastAt),
      },
      account,
      createdMs,
      closedMs,
      entries,
    };
  });
}

/** Entry times for `n` moves from `start`: strictly increasing whole seconds, the last one at `end` if closed. */
function entryTimes(faker: Faker, n: number, start: number, end: number, closed: boolean): number[] {
  const inner = closed ? n - 2 : n - 1;
  const between = Array.from({ length: Math.max(0, inner) }, () =>
    timeBetween(faker, start + HOUR, end - HOUR),
  );
  const times = [start, ...between.sort((a, b) => a - b)];
  if (closed && n > 1) times.push(end);
  for (let i = 1; i < times.length; i++) {
    const prev = times[i - 1] ?? start;
    if ((times[i] ?? 0) <= prev) times[i] = prev + 1000;
  }
  return times;
}

function historyRows(opportunity: OpportunitySeed, id: string): StageHistoryRow[] {
  return opportunity.entries.map((e) => ({
    opportunity_id: id,
    from_stage: e.from,
    to_stage: e.stage,
    entered_at: iso(e.at),
    reason: e.reason,
  }));
}
