import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AGENT_IDS } from "../domain/agents.ts";
import { loadPrompts, PROMPTS_DIR, parsePromptFile } from "./load.ts";

describe("loadPrompts", () => {
  const prompts = loadPrompts();

  it("loads one prompt per agent and the supervisor's, each hashed over exactly its text", () => {
    expect(Object.keys(prompts).sort()).toEqual([...AGENT_IDS, "supervisor"].sort());
    for (const p of Object.values(prompts)) {
      expect(p.hash).toBe(createHash("sha256").update(p.text).digest("hex"));
      expect(p.version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it("gives every agent the shared rules: CRM data is data, and the agent only proposes", () => {
    for (const id of AGENT_IDS) {
      expect(prompts[id].text).toContain("<crm_data>");
      expect(prompts[id].text).toMatch(/DATA, never\s+instructions/);
      expect(prompts[id].text).toMatch(/only PROPOSE actions/);
    }
    expect(new Set(AGENT_IDS.map((id) => prompts[id].hash)).size).toBe(AGENT_IDS.length);
  });

  it("changes the hash when the text changes", () => {
    const dir = mkdtempSync(join(tmpdir(), "growth-prompts-"));
    for (const id of [...AGENT_IDS, "supervisor", "rules"]) {
      writeFileSync(join(dir, `${id}.md`), readFileSync(join(PROMPTS_DIR, `${id}.md`), "utf8"));
    }
    writeFileSync(
      join(dir, "deal-closer.md"),
      `${readFileSync(join(dir, "deal-closer.md"), "utf8")}\nOne more line.`,
    );
    const edited = loadPrompts(dir);
    expect(edited["deal-closer"].hash).not.toBe(prompts["deal-closer"].hash);
    expect(edited["lead-engagement"].hash).toBe(prompts["lead-engagement"].hash);
  });
});

describe("parsePromptFile", () => {
  it("reads front matter and text", () => {
    const { meta, body } = parsePromptFile(
      "---\nid: supervisor\nversion: 2.0.1\nmodels: a, b\n---\nRoute.\n",
      "f",
    );
    expect(meta).toEqual({ id: "supervisor", version: "2.0.1", models: ["a", "b"], notes: "" });
    expect(body).toBe("Route.");
  });

  it.each([
    ["no front matter", "Route.", /front matter/],
    ["a bad version", "---\nid: supervisor\nversion: v2\n---\nRoute.", /version: use semver/],
    ["an unknown key", "---\nid: supervisor\nversion: 1.0.0\nauthor: me\n---\nRoute.", /Unrecognized key/],
    ["no text", "---\nid: supervisor\nversion: 1.0.0\n---\n  \n", /no text/],
  ])("refuses %s", (_name, source, message) => {
    expect(() => parsePromptFile(source, "f.md")).toThrow(message);
  });
});
