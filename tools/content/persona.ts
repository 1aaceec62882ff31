/** Buyer personas content is written for, derived from a contact's title. */
export const PERSONAS = ["executive", "manager", "practitioner"] as const;

/** One persona. */
export type Persona = (typeof PERSONAS)[number];

const EXECUTIVE =
  /\b(chief|ceo|cfo|cto|coo|cmo|cro|cio|president|founder|owner|vp|vice president|svp|evp)\b/i;
const MANAGER = /\b(director|head|manager|lead|principal)\b/i;

/** The persona of a title: C-level and VPs are executives, directors/heads/managers/leads managers, the rest practitioners. */
export function personaOf(title: string | null): Persona {
  if (!title) return "practitioner";
  if (EXECUTIVE.test(title)) return "executive";
  if (MANAGER.test(title)) return "manager";
  return "practitioner";
}

/** The problem each persona cares about most, used as the hook of the copy. */
export const PERSONA_PAIN: Readonly<Record<Persona, string>> = {
  executive: "forecast accuracy and revenue predictability",
  manager: "pipeline hygiene and a steady team rhythm",
  practitioner: "hours lost to manual CRM updates",
};
