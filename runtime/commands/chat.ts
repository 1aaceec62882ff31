import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { Command } from "commander";
import type { Kysely } from "kysely";
import { GrowthError } from "../../domain/errors.ts";
import type { Database } from "../../store/schema.ts";
import { answerApprovals } from "../approvals/answer.ts";
import { withOrchestrator } from "../context.ts";
import type { Orchestrator } from "../orchestrator.ts";
import { liveProgress, outcomeText } from "../render.ts";

/** `growth chat`: an interactive conversation; approvals are answered inline. */
export function chatCommand(): Command {
  return new Command("chat")
    .description(
      "talk to the orchestrator: steps and model text stream as they happen; see the agents, guard decisions, and answer approvals inline",
    )
    .option("--conversation <id>", "continue a conversation thread")
    .action(async (options: { conversation?: string }, command: Command) => {
      const live = liveProgress((text) => process.stdout.write(text));
      await withOrchestrator(
        command,
        async ({ store, orchestrator, models }) => {
          await chatSession({
            orchestrator,
            db: store.db,
            conversation: options.conversation ?? randomUUID(),
            input: process.stdin,
            output: process.stdout,
            terminal: process.stdin.isTTY === true,
            mode: models.description,
            endLive: live.end,
          });
        },
        {
          onStep: ({ node }) => live.step(node),
          onToken: (agent, token) => live.token(agent, token),
          onServed: (agent, by) => live.served(agent, by),
        },
      );
    });
}

/** What a chat session runs on: the orchestrator, the store, and the input and output streams. */
export interface ChatSessionOptions {
  orchestrator: Orchestrator;
  db: Kysely<Database>;
  conversation: string;
  input: Readable;
  output: Writable;
  terminal?: boolean;
  /** The model mode, for the greeting. */
  mode?: string;
  /** Ends a partly written live-progress line before the answer is printed. */
  endLive?: () => void;
}

/**
 * The chat loop: reads requests line by line from `input` (piped or a terminal; lines typed ahead are kept),
 * prints each turn's answer first, then asks about its approvals, then the route and decisions.
 */
export async function chatSession(options: ChatSessionOptions): Promise<void> {
  const { orchestrator, db, conversation, output } = options;
  const write = (text: string) => void output.write(`${text}\n`);
  const rl = createInterface({ input: options.input, output, terminal: options.terminal ?? false });
  const lines = rl[Symbol.asyncIterator]();
  let ended = false;
  const ask = async (question: string): Promise<string | null> => {
    if (options.terminal) {
      rl.setPrompt(question);
      rl.prompt();
    } else output.write(question);
    const next = await lines.next();
    if (next.done) {
      ended = true;
      return null;
    }
    if (!options.terminal) output.write("\n");
    return next.value;
  };
  write(
    `Growth Engine chat (conversation ${conversation}${options.mode ? `; ${options.mode}` : ""}). Type a request, or "exit".`,
  );
  try {
    for (;;) {
      const raw = await ask("you> ");
      if (raw === null) break; // input closed
      const line = raw.trim();
      if (line === "exit" || line === "quit") break;
      if (!line) continue;
      try {
        const outcome = await orchestrator.chat(line, conversation);
        options.endLive?.();
        // The answer comes first, also while the turn waits for approvals.
        write(`\n${outcome.answer ?? ""}\n`);
        const settled = await answerApprovals(orchestrator, db, outcome, { print: write, ask });
        write(outcomeText(settled));
        if (ended) {
          if (settled.status === "waiting_approval")
            write("Input ended before every approval was answered; they wait in `growth approvals`.");
          break;
        }
      } catch (error) {
        options.endLive?.();
        if (!(error instanceof GrowthError)) throw error;
        write(`error: ${error.message}`);
      }
    }
  } finally {
    rl.close();
  }
}
