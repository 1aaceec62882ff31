import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OPEN_STAGES, STAGES, type Stage } from "./stages.ts";
import { checkTransition } from "./transition.ts";

function codeOf(from: Stage | null, to: Stage, opts = {}): string | null {
  const check = checkTransition(from, to, opts);
  return check.ok ? null : check.code;
}

describe("checkTransition", () => {
  it("lets every forward move through without a reason, skips included", () => {
    for (const [i, from] of OPEN_STAGES.entries()) {
      for (const to of [...OPEN_STAGES.slice(i + 1), "closed_won" as const]) {
        expect(checkTransition(from, to), `${from} → ${to}`).toEqual({ ok: true });
      }
    }
  });

  it("needs a reason to move backward", () => {
    expect(codeOf("proposal", "discovery")).toBe("backward_reason_required");
    expect(codeOf("proposal", "discovery", { reason: "   " })).toBe("backward_reason_required");
    expect(codeOf("proposal", "discovery", { reason: "New VP joined" })).toBeNull();
    expect(codeOf("negotiation", "new", { reason: "Re-scoped" })).toBeNull();
  });

  it("needs a lost reason for closed_lost, from any open stage and at creation", () => {
    for (const from of [null, ...OPEN_STAGES]) {
      expect(codeOf(from, "closed_lost"), String(from)).toBe("lost_reason_required");
      expect(codeOf(from, "closed_lost", { reason: "No budget" }), String(from)).toBeNull();
    }
  });

  it("accepts any stage at creation, backward or not", () => {
    for (const to of STAGES.filter((s) => s !== "closed_lost")) expect(codeOf(null, to)).toBeNull();
  });

  it("keeps closed stages final unless reopened with a reason", () => {
    expect(codeOf("closed_won", "negotiation")).toBe("closed_terminal");
    expect(codeOf("closed_lost", "proposal", { reason: "They came back" })).toBe("closed_terminal");
    expect(codeOf("closed_lost", "closed_won")).toBe("closed_terminal");
    expect(codeOf("closed_won", "negotiation", { reopen: true })).toBe("reopen_reason_required");
    expect(codeOf("closed_won", "negotiation", { reopen: true, reason: "Contract voided" })).toBeNull();
    expect(codeOf("closed_lost", "closed_won", { reopen: true, reason: "Signed after all" })).toBeNull();
  });

  it("refuses a move to the stage the opportunity is already in", () => {
    expect(codeOf("proposal", "proposal", { reason: "x" })).toBe("same_stage");
    expect(codeOf("closed_won", "closed_won", { reopen: true, reason: "x" })).toBe("same_stage");
  });

  it("ignores reopen on an open opportunity", () => {
    expect(codeOf("proposal", "discovery", { reopen: true })).toBe("backward_reason_required");
    expect(codeOf("proposal", "negotiation", { reopen: true })).toBeNull();
  });

  it("tells the user what to do", () => {
    const check = checkTransition("closed_won", "proposal", {});
    expect(check).toMatchObject({ ok: false, code: "closed_terminal" });
    expect(check.ok ? "" : check.message).toMatch(/reopen.*reason/);
  });

  it("always allows a move with a reason and reopen, except to the same stage", () => {
    const stage = fc.constantFrom(...STAGES);
    fc.assert(
      fc.property(fc.option(stage), stage, (from, to) => {
        const check = checkTransition(from, to, { reason: "because", reopen: true });
        expect(check.ok).toBe(from !== to);
      }),
    );
  });
});
