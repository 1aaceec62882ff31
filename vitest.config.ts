import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// The files that take a minute or more, longest first. They start first, so the many short files fill in beside
// them instead of one long file running alone at the end. (Vitest orders by the durations it
// cached on an earlier run; a fresh clone, as in CI, has none.)
const LONG_FIRST = [
  "test/workers/kill.int.test.ts",
  "test/crash/crash.int.test.ts",
  "test/reliability/ownership.int.test.ts",
  "test/evals/runner.int.test.ts",
  "test/llm/deadline.int.test.ts",
];

class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONG_FIRST.findIndex((name) => f.moduleId.endsWith(name));
      return i === -1 ? LONG_FIRST.length : i;
    };
    const rest = await super.sort(files.filter((f) => rank(f) === LONG_FIRST.length));
    return [...files.filter((f) => rank(f) < LONG_FIRST.length).sort((a, b) => rank(a) - rank(b)), ...rest];
  }
}

// Files that change what a module holds for the rest of its process (module mocks, fake clocks, environment
// variables read at import): each runs in a fresh process. Every other file shares its worker's loaded modules
// with the files before it, which saves importing LangChain and the app once per file (about 0.7 s of CPU each).
const OWN_PROCESS = [
  "runtime/commands/seed.test.ts",
  "runtime/commands/usage.test.ts",
  "runtime/context.test.ts",
  "runtime/scheduler/slot.test.ts",
  "runtime/seed/generate.test.ts",
  "telemetry/tracing.int.test.ts",
  "test/evals/llm-judge.int.test.ts",
  "test/evals/llm-replay.int.test.ts",
];

export default defineConfig({
  test: {
    exclude: ["node_modules/**", ".growth/**"],
    // Sized for a loaded 2-core machine (other work running), where a spawned CLI can take 10 s to start.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: a single one on a 2-core machine. Many files spend
    // most of their time waiting (on child processes, leases, timeouts), so three run side by side.
    maxWorkers: 3,
    sequence: { sequencer: LongFirstSequencer },
    setupFiles: ["test/setup-env.ts"],
    // An environment variable a test stubs is restored after it, so it never reaches the next file.
    unstubEnvs: true,
    projects: [
      { extends: true, test: { name: "own-process", include: OWN_PROCESS } },
      {
        extends: true,
        test: { name: "shared", isolate: false, include: ["**/*.test.ts"], exclude: OWN_PROCESS },
      },
    ],
  },
});
