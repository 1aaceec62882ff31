import { describe, expect, it } from "vitest";
import type { ProposedAction } from "../domain/actions.ts";
import { approvalReason, DEFAULT_APPROVAL_POLICY } from "./approval-policy.ts";

const touch = {
  type: "send_touch",
  id: "deal-closer#1",
  agent: "deal-closer",
  cluster: "bd",
  contactEmail: "kramer.buyer@vandelay.com",
  accountDomain: "vandelay.com",
  channel: "email",
  play: "deal",
  templateId: "deal-follow-up",
  subject: "Next step",
  body: "Shall we book the review?",
  campaignId: null,
  sequenceId: null,
  step: 1,
  rationale: "stale deal",
} as ProposedAction;
const facts = { title: "Procurement Manager", touchedBefore: true, recipients: 1, viaChat: false };

describe("approval policy", () => {
  it("lets an event's routine touch go without a person", () => {
    expect(approvalReason(touch, facts, DEFAULT_APPROVAL_POLICY)).toBeNull();
  });

  it("stops anything a chat request would do until a person approves it", () => {
    expect(approvalReason(touch, { ...facts, viaChat: true }, DEFAULT_APPROVAL_POLICY)).toMatch(
      /chat request/,
    );
    const off = { ...DEFAULT_APPROVAL_POLICY, chatNeedsApproval: false };
    expect(approvalReason(touch, { ...facts, viaChat: true }, off)).toBeNull();
  });

  it("names the stronger reason first: an executive first touch from chat says executive", () => {
    const exec = { ...facts, title: "Chief Financial Officer", touchedBefore: false, viaChat: true };
    expect(approvalReason(touch, exec, DEFAULT_APPROVAL_POLICY)).toMatch(/executive/);
  });

  it("counts a send to more than 50 contacts as bulk", () => {
    expect(approvalReason(touch, { ...facts, recipients: 51 }, DEFAULT_APPROVAL_POLICY)).toMatch(/bulk/);
    expect(approvalReason(touch, { ...facts, recipients: 50 }, DEFAULT_APPROVAL_POLICY)).toBeNull();
  });
});
