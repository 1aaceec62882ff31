import type { Stage } from "../pipeline/index.ts";

/** One entry into a stage, in the opportunity's stage history. */
export interface StageEntry {
  stage: Stage;
  enteredAt: Date;
}

/** What the metrics need to know about one opportunity; money in integer cents. */
export interface OpportunityFacts {
  id: string;
  accountDomain: string;
  amountCents: number;
  stage: Stage;
  createdAt: Date;
  closedAt: Date | null;
  stageHistory: StageEntry[];
}
