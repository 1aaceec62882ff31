import { describe, expect, it } from "vitest";
import { personaOf } from "./persona.ts";

describe("personaOf", () => {
  it.each([
    ["Chief Financial Officer", "executive"],
    ["CEO", "executive"],
    ["VP Sales", "executive"],
    ["Head of Revenue Operations", "manager"],
    ["Marketing Manager", "manager"],
    ["Operations Lead", "manager"],
    ["Data Analyst", "practitioner"],
    [null, "practitioner"],
  ])("%s is %s", (title, persona) => {
    expect(personaOf(title)).toBe(persona);
  });
});
