import { describe, expect, it } from "vitest";
import { AGENT_LIST } from "../../agents/index.ts";
import { finalOutputSchema, submitSpec } from "../../agents/llm/tool-specs.ts";
import { minimalValue } from "../../evals/scripted-model/sample.ts";
import { strictJsonSchema, withoutAddedNulls } from "./strict-schema.ts";

type Node = Record<string, unknown>;

/** Every object closed and fully required, no keyword strict mode refuses, nothing that allows anything. */
function assertStrict(node: Node, path = "$"): void {
  for (const key of ["default", "oneOf", "minLength", "maxLength", "propertyNames", "not"])
    expect(key in node, `${path} has ${key}`).toBe(false);
  if (node.properties) {
    expect(node.additionalProperties, path).toBe(false);
    expect(node.required, path).toEqual(Object.keys(node.properties as Node));
    for (const [k, v] of Object.entries(node.properties as Record<string, Node>))
      assertStrict(v, `${path}.${k}`);
  }
  if (node.items) assertStrict(node.items as Node, `${path}[]`);
  for (const option of (node.anyOf ?? []) as Node[]) assertStrict(option, `${path}|`);
  expect("type" in node || "anyOf" in node || "const" in node || "enum" in node, path).toBe(true);
}

describe("strictJsonSchema", () => {
  const byAgent = Object.fromEntries(
    AGENT_LIST.map((a) => [a.id, strictJsonSchema(submitSpec(a).parameters)]),
  );

  it("fits eight agents' submit_result to strict mode; the two with open records (placeholder facts, tool outputs) get null", () => {
    expect(
      Object.entries(byAgent)
        .filter(([, s]) => s === null)
        .map(([id]) => id),
    ).toEqual(["content-creation", "marketing-analytics"]);
    for (const schema of Object.values(byAgent)) if (schema) assertStrict(schema);
  });

  it("makes an optional property nullable and required, and an always-empty list a list of at most 0", () => {
    const schema = strictJsonSchema({
      type: "object",
      properties: {
        a: { type: "string", minLength: 1, default: "x" },
        b: { type: "integer", minimum: 1 },
        tag: { enum: ["x", "y"] },
        none: { type: "array", items: { not: {} } },
      },
      required: ["a"],
    });
    expect(schema).toEqual({
      type: "object",
      properties: {
        a: { type: "string" },
        b: { type: ["integer", "null"], minimum: 1 },
        tag: { enum: ["x", "y", null] },
        none: { type: ["array", "null"], items: { type: "null" }, maxItems: 0 },
      },
      required: ["a", "b", "tag", "none"],
      additionalProperties: false,
    });
  });

  it("takes back the nulls strict mode adds, so the full zod schema accepts a strict answer", () => {
    const agent = AGENT_LIST.find((a) => a.id === "deal-closer")!;
    const strictAnswer = {
      summary: "Moved the deal.",
      handoffs: null,
      proposals: [
        {
          type: "send_touch",
          contactEmail: "ana.lopez@acme.com",
          accountDomain: "acme.com",
          channel: "email",
          play: "deal",
          templateId: "deal-follow-up",
          subject: "Next step",
          body: "Hi Ana, shall we agree the next step?",
          campaignId: null,
          sequenceId: null,
          step: null,
          rationale: "The deal has gone quiet.",
        },
      ],
    };
    const parameters = submitSpec(agent).parameters;
    const artefact = minimalValue((parameters.properties as Record<string, Node>).artefact!);
    Object.assign(strictAnswer, { artefact });
    const cleaned = withoutAddedNulls(strictAnswer, parameters) as Node;
    expect(cleaned.handoffs).toBeUndefined();
    // step may not be null (it defaults to 1), so it goes; campaignId may be null, so it stays.
    expect((cleaned.proposals as Node[])[0]).not.toHaveProperty("step");
    expect((cleaned.proposals as Node[])[0]).toHaveProperty("campaignId", null);
    expect(finalOutputSchema(agent).safeParse(strictAnswer).success).toBe(false);
    expect(finalOutputSchema(agent).safeParse(cleaned).error?.issues ?? []).toEqual([]);
  });
});
