import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DATASETS_DIR } from "../dataset.ts";
import { EvalCase, type EvalCaseInput, type Suite } from "../schema.ts";
import { contentCases } from "./build/content.ts";
import { policyCases } from "./build/policy.ts";
import { routingCases } from "./build/routing.ts";
import { trajectoryCases } from "./build/trajectory.ts";

// Writes evals/datasets/<suite>.jsonl from the case builders in build/. Run by hand after changing a builder:
//   npx tsx evals/datasets/generate.ts
// Every case is validated here, so a committed dataset always parses.
const SUITE_CASES: Record<Suite, () => EvalCaseInput[]> = {
  routing: routingCases,
  trajectory: trajectoryCases,
  policy: policyCases,
  content: contentCases,
};

for (const [suite, build] of Object.entries(SUITE_CASES)) {
  const lines = build().map((raw) => {
    EvalCase.parse(raw);
    return JSON.stringify(raw);
  });
  writeFileSync(join(DATASETS_DIR, `${suite}.jsonl`), `${lines.join("\n")}\n`);
  process.stdout.write(`${suite}: ${lines.length} cases\n`);
}
