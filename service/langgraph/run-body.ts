import { z } from "zod";
import { ApiError } from "../errors.ts";

const Message = z
  .object({
    role: z.string().optional(),
    type: z.string().optional(),
    content: z.union([
      z.string(),
      z.array(z.object({ type: z.string(), text: z.string().optional() }).loose()),
    ]),
  })
  .loose();

/** The body of `runs.stream` / `runs.wait`; fields the SDK sends that we do not act on are refused in `checkSupported`. */
export const RunBody = z
  .object({
    assistant_id: z.string().min(1),
    input: z
      .object({ messages: z.array(Message).min(1).optional(), event: z.unknown().optional() })
      .strict()
      .nullable()
      .optional(),
    command: z.object({ resume: z.unknown() }).strict().nullable().optional(),
    stream_mode: z.union([z.string(), z.array(z.string())]).optional(),
    config: z.unknown().optional(),
    context: z.unknown().optional(),
    metadata: z.unknown().optional(),
    on_disconnect: z.enum(["continue", "cancel"]).optional(),
    durability: z.unknown().optional(),
    multitask_strategy: z.enum(["enqueue"]).optional(),
  })
  .loose();
export type RunBody = z.infer<typeof RunBody>;

/** The stream modes served (`messages-tuple`: model text as it streams, LLM mode); the others are answered 501. */
export const STREAM_MODES = ["values", "updates", "messages-tuple"] as const;
export type StreamMode = (typeof STREAM_MODES)[number];

const UNSUPPORTED = [
  "interrupt_before",
  "interrupt_after",
  "checkpoint",
  "checkpoint_id",
  "webhook",
  "after_seconds",
  "feedback_keys",
  "stream_subgraphs",
  "stream_resumable",
  "if_not_exists",
  "checkpoint_during",
] as const;

/** Refuses (501) what growth serve does not do: other stream modes, checkpoints, webhooks, delays, cancel-on-disconnect. */
export function checkSupported(body: RunBody): StreamMode[] {
  const loose = body as Record<string, unknown>;
  for (const field of UNSUPPORTED)
    if (loose[field] !== undefined && loose[field] !== null && loose[field] !== false)
      throw new ApiError(501, "not_supported", `"${field}" is not supported by growth serve; leave it out.`);
  if (body.on_disconnect === "cancel")
    throw new ApiError(
      501,
      "not_supported",
      'on_disconnect "cancel" is not supported: an accepted run always completes.',
    );
  const modes = body.stream_mode === undefined ? ["values"] : [body.stream_mode].flat();
  const unknown = modes.filter((m) => !(STREAM_MODES as readonly string[]).includes(m));
  if (unknown.length > 0)
    throw new ApiError(
      501,
      "not_supported",
      `Stream mode ${unknown.join(", ")} is not supported; use one or more of ${STREAM_MODES.join(", ")}.`,
    );
  if (!body.input === !body.command)
    throw new ApiError(
      400,
      "body_invalid",
      "Send either input ({ messages } or { event }) or command ({ resume }), not both or neither.",
    );
  return modes as StreamMode[];
}

/** The text of the last user message of `input.messages`. */
export function lastUserText(messages: z.infer<typeof Message>[]): string {
  const user = [...messages].reverse().find((m) => ["user", "human"].includes(m.role ?? m.type ?? "user"));
  if (!user) throw new ApiError(400, "body_invalid", "input.messages has no user message.");
  return typeof user.content === "string" ? user.content : user.content.map((p) => p.text ?? "").join("");
}
