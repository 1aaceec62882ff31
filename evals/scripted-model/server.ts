import { LLMock } from "@copilotkit/aimock";
import { scriptedAnswer } from "./responder.ts";

/** The scripted eval model served by aimock on loopback (an ephemeral port); stop it when done. */
export async function startScriptedModel(): Promise<{ url: string; stop(): Promise<void> }> {
  const mock = new LLMock({ port: 0, host: "127.0.0.1" });
  mock.on({ predicate: () => true }, scriptedAnswer);
  await mock.start();
  return { url: mock.url, stop: () => mock.stop() };
}
