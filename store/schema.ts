import type { ColumnType, Generated } from "kysely";

/** Times are ISO 8601 UTC strings (`Date#toISOString()`), so they sort and compare as text. */
export type Iso = string;

/** Booleans are stored as 0/1 so SQLite and Postgres read them the same way. */
export type Flag = 0 | 1;

/** One company we sell to, keyed by its registrable domain. */
export interface AccountsTable {
  domain: string;
  name: string;
  industry: string | null;
  employees: number | null;
  country: string | null;
  owner: string | null;
  created_at: Iso;
  updated_at: Iso;
}

/** A person at an account (or a free-mail address with no account), keyed by lower-cased email. */
export interface ContactsTable {
  email: string;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  account_domain: string | null;
  lifecycle_stage: string;
  do_not_contact: Flag;
  unsubscribed: Flag;
  bounced: Flag;
  created_at: Iso;
  updated_at: Iso;
}

/** A marketing lead: a contact's journey from first signal to qualified hand-off. */
export interface LeadsTable {
  id: string;
  contact_email: string;
  account_domain: string | null;
  source: string | null;
  status: string;
  fit_score: number | null;
  engagement_score: number | null;
  created_at: Iso;
  qualified_at: Iso | null;
  updated_at: Iso;
}

/** A sales opportunity; money is integer cents. */
export interface OpportunitiesTable {
  id: string;
  account_domain: string;
  name: string;
  amount_cents: number;
  currency: string;
  stage: string;
  owner: string | null;
  created_at: Iso;
  closed_at: Iso | null;
  lost_reason: string | null;
  updated_at: Iso;
}

/** Every stage an opportunity entered, with when and why. */
export interface OpportunityStageHistoryTable {
  id: Generated<number>;
  opportunity_id: string;
  from_stage: string | null;
  to_stage: string;
  entered_at: Iso;
  reason: string | null;
}

/** A marketing campaign; touches refer to it by id. */
export interface CampaignsTable {
  id: string;
  name: string;
  channel: string | null;
  status: string;
  owner_agent: string | null;
  budget_cents: number | null;
  created_at: Iso;
}

/** Every outreach or marketing interaction with a contact. */
export interface TouchesTable {
  id: string;
  contact_email: string;
  account_domain: string | null;
  channel: string;
  campaign: string | null;
  agent: string | null;
  cluster: string | null;
  content_hash: string | null;
  occurred_at: Iso;
  idempotency_key: string | null;
}

/** The append-only event log; `seq` is gap-free so a reader can prove nothing is missing. */
export interface EventsTable {
  seq: Generated<number>;
  id: string;
  type: string;
  entity_type: string;
  entity_id: string;
  correlation_id: string;
  causation_id: string | null;
  source: string;
  payload: string;
  occurred_at: Iso;
}

/** A do-not-contact, unsubscribe, bounce or objection, for a contact or a whole account. */
export interface SuppressionsTable {
  id: Generated<number>;
  contact_email: string | null;
  account_domain: string | null;
  reason: string;
  note: string | null;
  created_at: Iso;
  expires_at: Iso | null;
}

/** An active or finished BD outreach sequence; marketing waits while one is active. */
export interface SequencesTable {
  id: string;
  contact_email: string;
  account_domain: string | null;
  agent: string;
  cluster: string;
  status: string;
  started_at: Iso;
  ends_at: Iso | null;
}

/** The one holder allowed to work an account right now. */
export interface LeasesTable {
  account_domain: string;
  holder: string;
  run_id: string | null;
  thread_id: string | null;
  acquired_at: Iso;
  expires_at: Iso;
}

/** A guard decision other than allow, kept for reading back why something did not happen. */
export interface ConflictsTable {
  id: Generated<number>;
  run_id: string;
  /** The contact email or account domain the decision is about, or "-" for the whole action. */
  target: string;
  correlation_id: string;
  thread_id: string;
  action_id: string;
  agent: string;
  rule: string;
  decision: string;
  reason: string;
  account_domain: string | null;
  contact_email: string | null;
  created_at: Iso;
}

/** A step that failed for good, with everything needed to redrive it. */
export interface DeadLettersTable {
  id: string;
  run_id: string;
  correlation_id: string;
  thread_id: string;
  node: string;
  event: string;
  state: string;
  error: string;
  attempts: number;
  status: string;
  created_at: Iso;
  updated_at: Iso;
}

/** An action waiting for (or decided by) a human. */
export interface ApprovalsTable {
  id: string;
  run_id: string;
  thread_id: string;
  correlation_id: string;
  action_id: string;
  action: string;
  reason: string;
  status: string;
  decided_by: string | null;
  decision_note: string | null;
  /** A person's edit of the action's content, as JSON, when the verdict is "edited". */
  edit: string | null;
  created_at: Iso;
  decided_at: Iso | null;
}

/** Effects to execute, one row per idempotency key, so a resumed run never sends twice. */
export interface OutboxTable {
  idempotency_key: string;
  run_id: string;
  thread_id: string;
  correlation_id: string;
  action_id: string;
  action_type: string;
  payload: string;
  status: string;
  created_at: Iso;
  sent_at: Iso | null;
}

/** One graph run: an event, a chat turn or a scheduled play. */
export interface RunsTable {
  id: string;
  thread_id: string;
  kind: string;
  correlation_id: string;
  /** Dedupe key of the request: the same event delivered twice maps to the same run. */
  request_key: string;
  status: string;
  request: string;
  summary: string | null;
  dry_run: ColumnType<Flag, Flag | undefined, Flag>;
  started_at: Iso;
  updated_at: Iso;
  finished_at: Iso | null;
  /** The process executing the run (a `RunOwner` id), null when nobody does. */
  owner_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Until when the owner holds the run; past it, the owner counts as dead and another process may claim it. */
  lease_expires_at: ColumnType<Iso | null, Iso | null | undefined, Iso | null>;
  /** The owner's last heartbeat on this run. */
  heartbeat_at: ColumnType<Iso | null, Iso | null | undefined, Iso | null>;
}

/** A long-lived process (serve, schedule, worker) with its heartbeat; a lapsed lease means it died. */
export interface WorkersTable {
  /** The process's owner id, the one its runs carry in `runs.owner_id`. */
  id: string;
  /** What the process is: `serve`, `schedule`, `worker`, … */
  role: string;
  host: string;
  pid: number;
  started_at: Iso;
  heartbeat_at: Iso;
  lease_expires_at: Iso;
}

/** One attempt at an LLM call (or a playbook fallback), with tokens, latency and cost. */
export interface LlmCallsTable {
  /** Insertion order, so attempts read back in the order they happened. */
  seq: Generated<number>;
  run_id: string | null;
  thread_id: string | null;
  correlation_id: string | null;
  agent: string;
  provider: string;
  model: string;
  prompt_id: string | null;
  prompt_version: string | null;
  prompt_hash: string | null;
  step: number;
  attempt: number;
  input_tokens: number;
  output_tokens: number;
  cached_tokens: number;
  latency_ms: number;
  /** Null when the model has no price in the table: unknown, not free. */
  cost_usd: number | null;
  outcome: string;
  error_code: string | null;
  created_at: Iso;
}

/** The whole store, as Kysely sees it. */
export interface Database {
  accounts: AccountsTable;
  contacts: ContactsTable;
  leads: LeadsTable;
  opportunities: OpportunitiesTable;
  opportunity_stage_history: OpportunityStageHistoryTable;
  campaigns: CampaignsTable;
  touches: TouchesTable;
  events: EventsTable;
  suppressions: SuppressionsTable;
  sequences: SequencesTable;
  leases: LeasesTable;
  conflicts: ConflictsTable;
  dead_letters: DeadLettersTable;
  approvals: ApprovalsTable;
  outbox: OutboxTable;
  runs: RunsTable;
  llm_calls: LlmCallsTable;
  rejections: RejectionsTable;
  api_keys: ApiKeysTable;
  api_threads: ApiThreadsTable;
  store_secrets: StoreSecretsTable;
  reliability_state: ReliabilityStateTable;
  workers: WorkersTable;
}

/** Breaker and retry-budget state shared by every process: one JSON document per key. */
export interface ReliabilityStateTable {
  key: string;
  state: string;
  updated_at: Iso;
}

/** Input refused at a boundary: why, a hash and size of what came in (never the text: it may hold personal data). */
export interface RejectionsTable {
  seq: Generated<number>;
  /** Where it came in: `emit`, `cascade`, … */
  source: string;
  /** What it was meant to be: `event`, … */
  kind: string;
  /** JSON array of one line per problem, naming the field. */
  issues: string;
  payload_sha256: string;
  payload_chars: number;
  received_at: Iso;
}

/** A key of the HTTP API: who holds it, what it may do; only the SHA-256 of the secret is kept. */
export interface ApiKeysTable {
  id: string;
  name: string;
  /** viewer, operator, approver or admin. */
  role: string;
  key_sha256: string;
  /** The first characters of the key, so a person can tell keys apart. */
  prefix: string;
  created_at: Iso;
  revoked_at: Iso | null;
}

/** A thread a LangGraph SDK client created; its runs live on the `chat:<thread_id>` graph thread. */
export interface ApiThreadsTable {
  thread_id: string;
  /** JSON object given at creation. */
  metadata: string;
  created_at: Iso;
  updated_at: Iso;
}

/** A secret the store keeps for itself (e.g. `personal_id_key`), made once at random and never logged. */
export interface StoreSecretsTable {
  name: string;
  value: string;
}
