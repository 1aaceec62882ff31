import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readBaseline } from "../../evals/baseline.ts";
import { loadSuite } from "../../evals/dataset.ts";
import { isHeldOut, SUITES } from "../../evals/schema.ts";

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

describe("the docs match the data", () => {
  it("README's eval case counts are the datasets' counts", () => {
    const all = SUITES.flatMap((s) => loadSuite(s));
    const routing = all.filter((c) => c.suite === "routing");
    const match = /(\d+) cases; routing: (\d+) train, (\d+) held-out v1, (\d+) held-out v2/.exec(
      read("README.md"),
    );
    expect(match, "README names the case counts").not.toBeNull();
    expect(match!.slice(1).map(Number)).toEqual([
      all.length,
      routing.filter((c) => c.split === "train").length,
      routing.filter((c) => c.split === "held-out").length,
      routing.filter((c) => c.split === "held-out-v2").length,
    ]);
  });

  it("evals/README.md's known failures are exactly the baseline's failing cases", () => {
    const text = read("evals/README.md");
    const section = text.slice(text.indexOf("## Known failures"));
    const listed = [...section.matchAll(/^- `([a-z]+\/[a-z0-9-]+)`/gm)].map((m) => m[1]);
    const failing = Object.entries(readBaseline()!.cases)
      .filter(([, v]) => !v.pass)
      .map(([key]) => key);
    expect(listed.sort()).toEqual(failing.sort());
  });

  it("no held-out case's id or phrasing appears anywhere outside evals/ (nothing special-cases them)", () => {
    const heldOut = loadSuite("routing").filter((c) => c.suite === "routing" && isHeldOut(c.split));
    const found: string[] = [];
    for (const c of heldOut) {
      const needles = [c.id, c.request.kind === "chat" ? c.request.text : c.id];
      for (const needle of needles) {
        const grep = spawnSync("git", ["grep", "-lF", needle, "--", ":!evals/"], { encoding: "utf8" });
        if (grep.stdout.trim()) found.push(`${needle}: ${grep.stdout.trim()}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("code comments and docs cite documents in the repository, not files outside it", () => {
    const files = execFileSync("git", ["ls-files", "*.ts", "*.md"], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
    const outside = files.filter(
      (f) => f !== "test/evals/docs.test.ts" && /DESIGN\.md|\bshared\//.test(read(f)),
    );
    expect(outside).toEqual([]);
  });
});
