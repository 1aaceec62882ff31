import { CONTACT, finalAnswer } from "./harness.ts";

type Mock = Awaited<ReturnType<typeof import("./harness.ts").startHarness>>["mock"];

/** Scripts a two-step run on any model: look the contact up, then submit `answer`. */
export function scriptTwoSteps(mock: Mock, answer: unknown = finalAnswer()) {
  // The later step first: every request still carries the first user message.
  mock.on(
    { toolCallId: "call_lookup" },
    {
      toolCalls: [{ id: "call_submit", name: "submit_result", arguments: JSON.stringify(answer) }],
      usage: { prompt_tokens: 200, completion_tokens: 40 },
    },
  );
  mock.on(
    { userMessage: "engage the new lead" },
    {
      content: "Looking up the contact.",
      toolCalls: [
        { id: "call_lookup", name: "lookup_contact", arguments: JSON.stringify({ email: CONTACT.email }) },
      ],
      usage: { prompt_tokens: 120, completion_tokens: 30 },
    },
  );
}

/** Makes every call to one model fail with `status`. */
export function breakModel(mock: Mock, model: string, status = 503) {
  mock.prependFixture({
    match: { model },
    response: { error: { message: `${model} is down`, type: "server_error" }, status },
  });
}

/** The model calls the mock received, in order. */
export function modelRequests(mock: Mock) {
  return mock
    .getRequests()
    .filter((r) => r.path.endsWith("/chat/completions") || r.path.endsWith("/messages"));
}
