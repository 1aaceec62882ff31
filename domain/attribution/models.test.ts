import { describe, expect, it } from "vitest";
import { ATTRIBUTION_MODELS, POSITION_SHARES, parseAttributionModel } from "./models.ts";

describe("parseAttributionModel", () => {
  it("reads every canonical name, whatever the case and surrounding space", () => {
    for (const model of ATTRIBUTION_MODELS) {
      expect(parseAttributionModel(model)).toBe(model);
      expect(parseAttributionModel(` ${model.toUpperCase()} `)).toBe(model);
    }
  });

  it.each([
    ["u-shaped", "u"],
    ["U_Shaped", "u"],
    ["w-shaped", "w"],
    ["w_shaped", "w"],
    ["W-SHAPED", "w"],
    ["fullpath", "full-path"],
    ["full_path", "full-path"],
    ["time_decay", "time-decay"],
    ["timedecay", "time-decay"],
    ["first-touch", "first"],
    ["last_touch", "last"],
  ] as const)("reads the alias %s as %s", (text, model) => {
    expect(parseAttributionModel(text)).toBe(model);
  });

  it("returns null for anything else", () => {
    for (const text of ["", "x", "v-shaped", "linearly", "constructor", "__proto__", "toString"]) {
      expect(parseAttributionModel(text)).toBeNull();
    }
  });
});

describe("POSITION_SHARES", () => {
  it("gives each position model's shares in thousandths summing to 1,000", () => {
    for (const [model, { anchors, middle }] of Object.entries(POSITION_SHARES)) {
      const sum = Object.values(anchors).reduce((a, b) => a + b, middle);
      expect(sum, model).toBe(1_000);
    }
    expect(POSITION_SHARES["full-path"].anchors.deal_creation).toBe(225);
  });
});
