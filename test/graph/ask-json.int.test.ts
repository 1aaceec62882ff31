import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { growth } from "../helpers/cli.ts";
import { fixtureStore } from "../helpers/fixture.ts";

let file: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  const fixture = await fixtureStore();
  file = fixture.file;
  await fixture.store.close();
  cleanup = fixture.cleanup;
});
afterEach(async () => cleanup());

describe("growth ask --json, as a user runs it", () => {
  it("answers while it waits and carries each approval in full, as growth approvals --json does", () => {
    const asked = growth([
      "--db",
      file,
      "ask",
      "Start an outreach sequence for ana.lopez@acme.com",
      "--json",
    ]);
    expect(asked.code, asked.stderr).toBe(0);
    const out = JSON.parse(asked.stdout);
    expect(out.status).toBe("waiting_approval");
    expect(out.answer).toContain("lead-engagement:");
    expect(out.approvals).toHaveLength(out.pending_approvals.length);
    const [approval] = out.approvals;
    expect(approval.recipient).toEqual({
      email: "ana.lopez@acme.com",
      name: "Ana Lopez",
      title: "Marketing Manager",
      account: { domain: "acme.com", name: "Acme" },
    });
    expect(approval.body.length).toBeGreaterThan(100);
    expect(approval.agent).toBe("lead-engagement");

    const listed = growth(["--db", file, "approvals", "--json"]);
    expect(JSON.parse(listed.stdout)).toEqual(out.approvals);
  }, 180_000);
});
