/** The one assistant `growth serve` exposes to LangGraph SDK clients: the orchestrator graph. */
export const ASSISTANT_ID = "growth-orchestrator";

const CREATED = "2026-01-01T00:00:00.000Z";

/** The assistant as the LangGraph API describes one. */
export const ASSISTANT = {
  assistant_id: ASSISTANT_ID,
  graph_id: ASSISTANT_ID,
  name: ASSISTANT_ID,
  description:
    "Growth Engine's orchestrator: chat turns (input.messages) and growth events (input.event), with approvals as interrupts.",
  config: {},
  context: {},
  metadata: {},
  version: 1,
  created_at: CREATED,
  updated_at: CREATED,
};

/** Whether an SDK's assistant id (or graph id) names the orchestrator. */
export function isOrchestrator(id: string): boolean {
  return id === ASSISTANT_ID;
}
