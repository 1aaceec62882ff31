import { loadPrompts } from "../../prompts/load.ts";

/** Names the prompt a system text starts with, e.g. `lead-engagement@1.0.0`, or null when none matches. */
export type PromptNamer = (system: string) => string | null;

/**
 * Names prompts from the prompt files, loaded on first use (only a replay miss asks); the longest match
 * wins, since the supervisor's system text is its prompt plus the roster.
 */
export function promptNamer(load: typeof loadPrompts = loadPrompts): PromptNamer {
  let prompts: readonly { id: string; version: string; text: string }[] | null = null;
  return function namePrompt(system) {
    if (prompts === null) {
      try {
        prompts = Object.values(load());
      } catch {
        prompts = [];
      }
    }
    const match = prompts
      .filter((p) => system.startsWith(p.text))
      .sort((a, b) => b.text.length - a.text.length)[0];
    return match ? `${match.id}@${match.version}` : null;
  };
}
