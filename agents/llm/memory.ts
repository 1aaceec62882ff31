/** What the memory needs of one earlier turn (the store's `conversationTurns` returns it). */
export interface ConversationTurn {
  readonly asked: string;
  readonly agents: readonly { readonly agent: string; readonly summary: string }[];
  readonly decisions: readonly {
    readonly actionType: string;
    readonly target: string;
    readonly decision: string;
    readonly approval: string | null;
  }[];
}

/** Roughly 4 characters per token: the memory is bounded to about 500 tokens by default. */
export const MEMORY_MAX_CHARS = 2_000;

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const DOMAIN = /\b(?:[a-z0-9-]+\.)+(?:com|io|co|net|org|ai|dev|app|biz|de|uk|fr)\b/gi;

/** The people and accounts a turn was about: emails and domains in what was asked, answered and decided. */
export function turnEntities(turn: ConversationTurn): string[] {
  const text = [
    turn.asked,
    ...turn.agents.map((a) => a.summary),
    ...turn.decisions.map((d) => d.target),
  ].join(" ");
  const emails = text.match(EMAIL) ?? [];
  const domains = (text.replace(EMAIL, " ").match(DOMAIN) ?? []).map((d) => d.toLowerCase());
  return [...new Set([...emails.map((e) => e.toLowerCase()), ...domains])].slice(0, 12);
}

const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

function detailed(turn: ConversationTurn, n: number): string {
  const lines = [`Turn ${n}: asked "${clip(turn.asked, 300)}"`];
  const entities = turnEntities(turn);
  if (entities.length > 0) lines.push(`  entities: ${entities.join(", ")}`);
  for (const a of turn.agents) lines.push(`  ${a.agent}: ${clip(a.summary, 240)}`);
  const decided = turn.decisions
    .slice(0, 6)
    .map(
      (d) =>
        `${d.actionType} → ${d.target}: ${d.decision}${d.approval && d.approval !== "not_needed" ? ` (${d.approval})` : ""}`,
    );
  if (decided.length > 0) lines.push(`  decisions: ${decided.join("; ")}`);
  return lines.join("\n");
}

function brief(turn: ConversationTurn, n: number): string {
  const entities = turnEntities(turn);
  return `Turn ${n}: asked "${clip(turn.asked, 80)}"${entities.length > 0 ? `; entities: ${entities.join(", ")}` : ""}`;
}

/**
 * A compact summary of a conversation's earlier turns for the router and the agents, bounded in size:
 * the newest turns in detail, older ones summarised to a line first, and the oldest dropped last.
 */
export function memorySummary(
  turns: readonly ConversationTurn[],
  maxChars = MEMORY_MAX_CHARS,
): string | null {
  if (turns.length === 0) return null;
  const parts = turns.map((t, i) => detailed(t, i + 1));
  const size = () => parts.join("\n").length;
  for (let i = 0; i < turns.length - 1 && size() > maxChars; i += 1) parts[i] = brief(turns[i]!, i + 1);
  while (parts.length > 1 && size() > maxChars) parts.shift();
  return clip(parts.join("\n"), maxChars);
}
