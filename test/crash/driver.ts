// One life of the crash test: resume what the last life left, then play the next slice of the demo stream.
// Run as `node --import tsx test/crash/driver.ts <db> <seed> <events-this-life>`; GROWTH_CRASH_AT may kill it.
// Builds the playbook-mode orchestrator directly (not through runtime/app.ts) to keep each life's start short.
import { AGENT_LIST, AGENTS } from "../../agents/index.ts";
import { matcherChatRouter } from "../../graph/chat-router.ts";
import { checkpointerFor } from "../../graph/checkpointer.ts";
import { settleByDemoPolicy, settleLeftovers } from "../../runtime/demo/settle.ts";
import { demoStream } from "../../runtime/demo/stream.ts";
import { createLogger } from "../../runtime/logger.ts";
import { Orchestrator } from "../../runtime/orchestrator.ts";
import { REFERENCE_ANCHOR } from "../../runtime/seed/index.ts";
import { openStore } from "../../store/db.ts";
import { demoCandidates, nextDemoIndex } from "../../store/queries/demo-candidates.ts";

const [file, seedText, countText] = process.argv.slice(2);
if (!file || !seedText || !countText) throw new Error("usage: driver.ts <db> <seed> <events-this-life>");
const seed = Number(seedText);
const count = Number(countText);

const store = await openStore(file);
const orchestrator = new Orchestrator({
  store,
  logger: createLogger({ level: "silent" }),
  checkpointer: checkpointerFor(store),
  agents: AGENTS,
  routeChat: matcherChatRouter(AGENT_LIST),
});
let resumed = 0;
for (const outcome of await orchestrator.resumeUnfinished()) {
  await settleByDemoPolicy(orchestrator, outcome);
  resumed++;
}
resumed += (await settleLeftovers(orchestrator, store.db)).length;
process.stdout.write(`${JSON.stringify({ ready: true, resumed })}\n`);

const from = await nextDemoIndex(store.db, seed);
const stream = demoStream(await demoCandidates(store.db), {
  seed,
  start: new Date(Date.parse(REFERENCE_ANCHOR) + 86_400_000),
  from,
  to: from + count,
});
for (const item of stream) {
  const outcome = await orchestrator.submitEvent(item.event, { at: item.at });
  await settleByDemoPolicy(orchestrator, outcome);
}
await orchestrator.close();
await store.close();
process.stdout.write(`${JSON.stringify({ done: true, from, to: from + count })}\n`);
