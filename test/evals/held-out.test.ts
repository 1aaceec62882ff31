import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../domain/errors.ts";
import { DATASETS_DIR } from "../../evals/dataset.ts";
import { assertHeldOutIntact, blessHeldOut, HELD_OUT_LIST, heldOutDrift } from "../../evals/held-out.ts";
import { runEvalCommand } from "../../evals/run.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "held-out-"));
  cpSync(DATASETS_DIR, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => join(dir, "routing.jsonl");
const lines = () => readFileSync(file(), "utf8").trimEnd().split("\n");
const heldOutIndex = (split = "held-out") => lines().findIndex((l) => l.includes(`"split":"${split}"`));

describe("the held-out routing cases only grow", () => {
  it("match the committed hash list as committed (at least 120 of them)", () => {
    expect(heldOutDrift()).toEqual({ edited: [], removed: [], added: [] });
    const listed = readFileSync(join(DATASETS_DIR, HELD_OUT_LIST), "utf8").trim().split("\n");
    expect(listed.length).toBeGreaterThanOrEqual(120);
  });

  it("refuse an edited case, naming it, until the list is blessed deliberately", () => {
    const all = lines();
    const i = heldOutIndex();
    const id = (JSON.parse(all[i]!) as { id: string }).id;
    all[i] = all[i]!.replace('"text":"', '"text":"Please ');
    writeFileSync(file(), `${all.join("\n")}\n`);
    expect(() => assertHeldOutIntact(dir)).toThrow(UserError);
    expect(() => assertHeldOutIntact(dir)).toThrow(
      new RegExp(`${id} \\(edited\\).*growth eval --bless-held-out`),
    );
    blessHeldOut(dir);
    expect(assertHeldOutIntact(dir)).toEqual({ edited: [], removed: [], added: [] });
  });

  it("protect held-out v2 the same way: an edited v2 case is refused", () => {
    const all = lines();
    const i = heldOutIndex("held-out-v2");
    expect(i).toBeGreaterThan(-1);
    const id = (JSON.parse(all[i]!) as { id: string }).id;
    all[i] = all[i]!.replace('"text":"', '"text":"Please ');
    writeFileSync(file(), `${all.join("\n")}\n`);
    expect(heldOutDrift(dir).edited).toEqual([id]);
  });

  it("refuse a removed case, and growth eval refuses to run at all", async () => {
    const all = lines();
    const i = heldOutIndex();
    const id = (JSON.parse(all[i]!) as { id: string }).id;
    all.splice(i, 1);
    writeFileSync(file(), `${all.join("\n")}\n`);
    expect(heldOutDrift(dir).removed).toEqual([id]);
    const refused = await runEvalCommand({ suite: "routing", datasetsDir: dir, out: dir }).catch((e) => e);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).message).toMatch(`${id} (removed)`);
  });

  it("accept an added case, reported as not yet protected", () => {
    const all = lines();
    const added = JSON.parse(all[heldOutIndex()]!) as { id: string; request: { text: string } };
    all.push(
      JSON.stringify({ ...added, id: "ho-new-case", request: { kind: "chat", text: "A new request" } }),
    );
    writeFileSync(file(), `${all.join("\n")}\n`);
    expect(assertHeldOutIntact(dir)).toEqual({ edited: [], removed: [], added: ["ho-new-case"] });
  });
});
