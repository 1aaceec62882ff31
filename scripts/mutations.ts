// Applies each of three planted faults to a temporary copy of the repository and shows each one caught:
// by a fast test (under 30 s) and, for the two guard faults, by the policy eval naming the rule.
//   npx tsx scripts/mutations.ts [--only guard-allows-all,suppression-off,random-idempotency-key] [--keep]
// Exits 0 when every mutation was caught, 1 when one survived. Nothing in the working tree is changed.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const FAST_MS = 30_000;

/** One planted fault: where it goes, the fast test that must fail, and the rule the policy eval must name. */
interface Mutation {
  name: string;
  file: string;
  find: string;
  replace: string;
  fastTests: string[];
  policyRule?: string;
}

const MUTATIONS: Mutation[] = [
  {
    name: "guard-allows-all",
    file: "graph/conflict-guard.ts",
    find: "    // Approval policy applies to what the guard allowed.\n",
    replace:
      '    for (const d of decisions) Object.assign(d, { decision: "allow", rule: null, until: null });\n' +
      "    // Approval policy applies to what the guard allowed.\n",
    fastTests: ["test/graph/lead-flows.int.test.ts"],
    policyRule: "suppression",
  },
  {
    name: "suppression-off",
    file: "domain/conflicts/standing-rules.ts",
    find: "export function suppressionRule(intent: OutreachIntent, ctx: ConflictContext): Decision | null {\n",
    replace:
      "export function suppressionRule(intent: OutreachIntent, ctx: ConflictContext): Decision | null {\n" +
      "  if (intent) return null;\n",
    fastTests: ["domain/conflicts/standing-rules.test.ts"],
    policyRule: "suppression",
  },
  {
    name: "random-idempotency-key",
    file: "graph/effects.ts",
    find: '  return target === "-" ? `${threadId}:${runId}:${actionId}` : `${threadId}:${runId}:${actionId}:${target}`;\n',
    replace: "  return `${threadId}:${runId}:${actionId}:${target}:${crypto.randomUUID()}`;\n",
    fastTests: ["graph/exactly-once.test.ts"],
  },
];

function copyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "growth-mutant-"));
  const listed = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split("\n").filter(Boolean)) {
    if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(dir, file), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function run(dir: string, command: string, args: string[]): { status: number; ms: number; out: string } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" } });
  return {
    status: result.status ?? 1,
    ms: Math.round(performance.now() - started),
    out: `${result.stdout}${result.stderr}`,
  };
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const keep = process.argv.includes("--keep");
let survived = 0;
for (const m of MUTATIONS.filter((x) => !only || only.includes(x.name))) {
  const dir = copyRepo();
  try {
    const path = join(dir, m.file);
    const text = readFileSync(path, "utf8");
    if (!text.includes(m.find))
      throw new Error(`${m.name}: the anchor is no longer in ${m.file}; update the script`);
    writeFileSync(path, text.replace(m.find, m.replace));
    say(`== ${m.name} (${m.file}) in ${dir}`);
    for (const test of m.fastTests) {
      const r = run(dir, "npx", ["vitest", "run", test]);
      const caught = r.status !== 0;
      const fast = r.ms < FAST_MS;
      say(
        `  fast test ${test}: ${caught ? "FAILED (caught)" : "passed (NOT caught)"} in ${(r.ms / 1000).toFixed(1)} s`,
      );
      if (!caught || !fast) survived++;
    }
    if (m.policyRule) {
      const out = join(dir, "eval-out");
      const r = run(dir, "node", [
        "bin/growth.js",
        "eval",
        "--suite",
        "policy",
        "--out",
        out,
        "--concurrency",
        "2",
      ]);
      const named = new RegExp(`rule ${m.policyRule}\\b`).test(r.out) || summaryNames(out, m.policyRule);
      const regressed = r.out.split("\n").filter((l) => l.startsWith("  - policy/")).length;
      say(
        `  policy eval: exit ${r.status}, ${regressed} case(s) regressed, ${named ? `names rule ${m.policyRule}` : "does NOT name the rule"}`,
      );
      if (r.status !== 1 || !named) survived++;
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
say(survived === 0 ? "Every mutation was caught." : `${survived} check(s) did not catch their mutation.`);
process.exitCode = survived === 0 ? 0 : 1;

/** Whether the eval's markdown summary names the rule in a failed check (e.g. "the guard (rule suppression)"). */
function summaryNames(out: string, rule: string): boolean {
  const listed = spawnSync("sh", ["-c", `cat ${out}/*/summary.md`], { encoding: "utf8" });
  return new RegExp(`rule ${rule}\\b`).test(listed.stdout ?? "");
}
