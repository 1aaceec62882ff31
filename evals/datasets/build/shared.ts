import type { EvalCaseInput } from "../../schema.ts";

type Request = EvalCaseInput["request"];

/** A growth event request as a CRM would send it. */
export function event(
  type: string,
  entityType: string,
  entityId: string,
  data: Record<string, unknown> = {},
  source = "crm",
): Request {
  return {
    kind: "event",
    event: {
      event_type: type,
      source_agent: source,
      entity_type: entityType,
      entity_id: entityId,
      action: type.split("_").pop()!,
      data,
    },
  };
}

/** A chat request. */
export const chat = (text: string): Request => ({ kind: "chat", text });

/** A scheduled play request. */
export const play = (name: string): Request => ({ kind: "play", play: name });

/** A `lead_qualified` event for an email. */
export const qualified = (email: string) =>
  event("lead_qualified", "lead", email, { score: 82 }, "marketing-analytics");
