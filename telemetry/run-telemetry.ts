/** What the graph reports to metrics as it runs; every method is cheap and synchronous. */
export interface RunTelemetry {
  /** One node attempt: how long it took and how it ended. */
  node(name: string, seconds: number, outcome: "ok" | "error" | "interrupted"): void;
  /** One agent run, with the path that served it (primary, secondary, playbook). */
  agent(agent: string, path: string, seconds: number): void;
  /** The guard's decisions of one batch. */
  guard(decisions: readonly { readonly rule: string | null; readonly decision: string }[]): void;
  /** What the effects node did with each allowed action. */
  effects(effects: readonly { readonly actionType: string; readonly status: string }[]): void;
}
