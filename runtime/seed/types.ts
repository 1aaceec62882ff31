import type { Insertable } from "kysely";
import type {
  AccountsTable,
  CampaignsTable,
  ContactsTable,
  LeadsTable,
  OpportunitiesTable,
  OpportunityStageHistoryTable,
  SequencesTable,
  SuppressionsTable,
  TouchesTable,
} from "../../store/schema.ts";
import type { Industry, SizeBand } from "./catalog-companies.ts";
import type { LeadStatus, LifecycleStage, Seniority } from "./catalog-people.ts";

/** An insertable `accounts` row. */
export type AccountRow = Insertable<AccountsTable>;
/** An insertable `contacts` row. */
export type ContactRow = Insertable<ContactsTable>;
/** An insertable `leads` row. */
export type LeadRow = Insertable<LeadsTable>;
/** An insertable `opportunities` row. */
export type OpportunityRow = Insertable<OpportunitiesTable>;
/** An insertable `opportunity_stage_history` row (the id is left to the database). */
export type StageHistoryRow = Insertable<OpportunityStageHistoryTable>;
/** An insertable `campaigns` row. */
export type CampaignRow = Insertable<CampaignsTable>;
/** An insertable `touches` row. */
export type TouchRow = Insertable<TouchesTable>;
/** An insertable `suppressions` row (the id is left to the database). */
export type SuppressionRow = Insertable<SuppressionsTable>;
/** An insertable `sequences` row. */
export type SequenceRow = Insertable<SequencesTable>;

/** A generated account with the facts later generators need (rows stay plain table rows). */
export interface AccountSeed {
  readonly row: AccountRow;
  readonly createdMs: number;
  readonly band: SizeBand;
  readonly industry: Industry;
}

/** A stage an opportunity entered: from where, why (backward and lost moves), and when (epoch ms). */
export interface StageEntry {
  readonly from: string | null;
  readonly stage: string;
  readonly reason: string | null;
  readonly at: number;
}

/** A generated opportunity with its timeline. */
export interface OpportunitySeed {
  readonly row: OpportunityRow;
  readonly account: AccountSeed;
  readonly createdMs: number;
  /** When it closed, or null while open. */
  readonly closedMs: number | null;
  readonly entries: readonly StageEntry[];
}

/** A generated contact with its seniority, creation time and the deals it sits on. */
export interface ContactSeed {
  readonly row: ContactRow;
  readonly account: AccountSeed | null;
  readonly seniority: Seniority;
  readonly createdMs: number;
  readonly lifecycle: LifecycleStage;
  /** Opportunities whose buying committee includes this contact. */
  readonly deals: OpportunitySeed[];
}

/** A generated lead and where it came from. */
export interface LeadSeed {
  readonly row: LeadRow;
  readonly contact: ContactSeed;
  readonly status: LeadStatus;
  readonly qualifiedMs: number | null;
  /** The campaign that created the lead, if a campaign did. */
  readonly campaignId: string | null;
}

/** A campaign with its active window. */
export interface CampaignSeed {
  readonly row: CampaignRow;
  readonly channel: string;
  readonly startMs: number;
  readonly endMs: number;
}
