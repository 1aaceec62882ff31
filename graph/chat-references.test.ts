import { describe, expect, it } from "vitest";
import { referenceAwareRouter, refersBack } from "./chat-references.ts";
import type { ChatRouter } from "./deps.ts";

const none: ChatRouter = async () => ({ agents: [], reason: "no match", via: "matcher" });
const context = () => ({ runId: "r2", threadId: "chat:c", correlationId: "c" });

describe("playbook-mode references to the previous turn", () => {
  it("spots words that point back", () => {
    expect(refersBack("now do the same for his colleague")).toBe(true);
    expect(refersBack("what about that account?")).toBe(true);
    expect(refersBack("who should we chase this week?")).toBe(false);
  });

  it("routes a back-reference the matcher cannot place to the previous turn's agents", async () => {
    const router = referenceAwareRouter(none, async () => ["lead-engagement"], context);
    await expect(router("now do the same for his colleague")).resolves.toMatchObject({
      agents: ["lead-engagement"],
      reason: expect.stringContaining("previous turn"),
    });
    await expect(router("hello there")).resolves.toMatchObject({ agents: [] });
    const first = referenceAwareRouter(none, async () => [], context);
    await expect(first("the same for his colleague")).resolves.toMatchObject({ agents: [] });
  });
});
