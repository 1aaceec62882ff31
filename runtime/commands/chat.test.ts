import { PassThrough, Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../store/db.ts";
import { FIXTURE_NOW, fixtureStore } from "../../test/helpers/fixture.ts";
import { createOrchestrator } from "../app.ts";
import { createLogger } from "../logger.ts";
import type { Orchestrator } from "../orchestrator.ts";
import { chatSession } from "./chat.ts";

let store: Store;
let cleanup: () => Promise<void>;
let orchestrator: Orchestrator;

const TOUCHES = {
  "deal-closer": [
    ["bea.buyer@globex.com", "globex.com"],
    ["ana.lopez@acme.com", "acme.com"],
  ],
  "lead-engagement": [
    ["ivan.ops@initech.com", "initech.com"],
    ["carl.cfo@acme.com", "acme.com"],
  ],
} as const;

beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
  orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), {
    clock: () => FIXTURE_NOW,
    env: {},
    // Two agents, two touches each, to four different contacts: four approvals in one chat turn.
    runAgent: async (agent, input, kit) => ({
      ...(await agent.playbook(input, kit)),
      proposals: (TOUCHES[agent.id as keyof typeof TOUCHES] ?? []).map(([email, domain]) => ({
        type: "send_touch" as const,
        contactEmail: email,
        accountDomain: domain,
        channel: "email" as const,
        play: agent.id === "deal-closer" ? ("deal" as const) : ("sequence" as const),
        templateId: "t",
        subject: `Hello ${email.split(".")[0]}`,
        body: `A short note for ${email}.\nSecond line of the body, shown in full.`,
        rationale: `test reason for ${email}`,
      })),
    }),
    routeChat: async () => ({ agents: ["deal-closer", "lead-engagement"], reason: "test", via: "test" }),
  });
});
afterEach(async () => cleanup());

/** Runs a chat session on its own input stream with the given lines typed ahead; returns what it printed. */
async function session(conversation: string, lines: string[]): Promise<string> {
  const input = new PassThrough();
  let printed = "";
  const output = new Writable({
    write(chunk, _encoding, done) {
      printed += String(chunk);
      done();
    },
  });
  input.end(`${lines.join("\n")}\n`);
  await chatSession({ orchestrator, db: store.db, conversation, input, output });
  return printed;
}

const statusOf = async (email: string) =>
  (await store.db.selectFrom("approvals").select(["action", "status"]).execute()).find(
    (r) => (JSON.parse(r.action) as { contactEmail?: string }).contactEmail === email,
  )?.status;

const sent = async () => (await store.db.selectFrom("outbox").select("status").execute()).length;

describe("a chat session through the chat loop's own input stream", () => {
  it("prints the answer first; 'maybe' is asked again, 'yes' approves, 'no' rejects, 'A' approves the rest", async () => {
    const out = await session("conv-words", [
      "follow up with our four contacts",
      "maybe",
      "yes",
      "no",
      "A",
      "exit",
    ]);
    // The answer is printed before the first approval question.
    const answerAt = out.indexOf("wait for approval");
    expect(answerAt).toBeGreaterThan(0);
    expect(answerAt).toBeLessThan(out.indexOf("Approval 1 of 4"));
    // Each approval shows recipient, subject, the full body and the agent's reason.
    expect(out).toContain("to: Bea Ng, Procurement Manager at Globex (globex.com) <bea.buyer@globex.com>");
    expect(out).toContain("subject: Hello bea");
    expect(out).toContain("    Second line of the body, shown in full.");
    expect(out).toContain("why deal-closer proposes it: test reason for bea.buyer@globex.com");
    expect(out).toContain("channel: email");
    // "maybe" decides nothing and is asked again; the "for all" count goes down as approvals are decided.
    expect(out).toContain("That is not an answer");
    expect(out.match(/A\/R for all 4 remaining/g)).toHaveLength(2);
    expect(out.match(/A\/R for all 3 remaining/g)).toHaveLength(1);
    expect(out.match(/A\/R for all 2 remaining/g)).toHaveLength(1);
    expect(out).not.toContain("Approval 4 of 4:"); // "A" answered the last one without asking

    expect(await statusOf("bea.buyer@globex.com")).toBe("approved");
    expect(await statusOf("ana.lopez@acme.com")).toBe("rejected");
    expect(await statusOf("ivan.ops@initech.com")).toBe("approved");
    expect(await statusOf("carl.cfo@acme.com")).toBe("approved");
    expect(await sent()).toBe(3);
    expect(out).toMatch(/run \S+ on chat:conv-words: completed/);
  });

  it("'R' rejects every approval still open; nothing is sent", async () => {
    const out = await session("conv-r", ["follow up with our four contacts", "R", "exit"]);
    expect(out.match(/Approval \d of 4:/g)).toHaveLength(1);
    expect(await sent()).toBe(0);
    for (const [email] of [...TOUCHES["deal-closer"], ...TOUCHES["lead-engagement"]])
      expect(await statusOf(email)).toBe("rejected");
  });

  it("input that ends before every approval is answered leaves them pending, nothing sent", async () => {
    const out = await session("conv-eof", ["follow up with our four contacts", "y"]);
    expect(out).toContain("they wait in `growth approvals`");
    expect(await statusOf("bea.buyer@globex.com")).toBe("approved");
    expect(await statusOf("ana.lopez@acme.com")).toBe("pending");
    expect(await sent()).toBe(0);
  });
});
