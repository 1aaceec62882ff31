// `npm run bench` (second part): what the offline chat router costs — loading wink-nlp and its English model,
// training the naive-Bayes classifier with its cross-validated calibration, and classifying one request.
// Not a test: figures go to BENCHMARKS.md.
import { cpus } from "node:os";

const t0 = performance.now();
const { AGENT_LIST } = await import("../agents/index.ts");
const { routingTrainSplit } = await import("../evals/train-split.ts");
const t1 = performance.now();
const { createIntentMatcher } = await import("../graph/intent.ts");
const t2 = performance.now();
const training = routingTrainSplit();
const match = createIntentMatcher(AGENT_LIST, training);
const t3 = performance.now();

const latencies: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const t of training) {
    const started = performance.now();
    match(t.text);
    latencies.push(performance.now() - started);
  }
}
latencies.sort((a, b) => a - b);
const at = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
const ms = (n: number) => n.toFixed(1);
process.stdout.write(
  [
    `router start-up on ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`,
    `  agents and train split loaded:        ${ms(t1 - t0)} ms (${training.length} training requests)`,
    `  wink-nlp + English lite model loaded: ${ms(t2 - t1)} ms`,
    `  trained and calibrated (5-fold CV):   ${ms(t3 - t2)} ms`,
    `  classify one request: p50 ${ms(at(50))} ms, p99 ${ms(at(99))} ms (${latencies.length} requests)`,
    "",
  ].join("\n"),
);
