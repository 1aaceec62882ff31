import { describe, expect, it } from "vitest";
import { UserError } from "../errors.ts";
import { conflictPolicy, DEFAULT_CONFLICT_POLICY } from "./policy.ts";
import { DAY } from "./test-fixtures.ts";

function failure(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error("expected a UserError");
}

describe("DEFAULT_CONFLICT_POLICY", () => {
  it("holds the documented defaults", () => {
    expect(DEFAULT_CONFLICT_POLICY).toEqual({
      dedupeWindowMs: 14 * DAY,
      caps: {
        perContact: [
          { windowMs: 3 * DAY, max: 1 },
          { windowMs: 30 * DAY, max: 3 },
        ],
        perAccount: [{ windowMs: 7 * DAY, max: 5 }],
        perAgent: [{ windowMs: DAY, max: 500 }],
      },
      pauseRecheckMs: DAY,
    });
  });

  it("is frozen, caps included", () => {
    expect(Object.isFrozen(DEFAULT_CONFLICT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CONFLICT_POLICY.caps.perContact)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CONFLICT_POLICY.caps.perContact[0])).toBe(true);
  });
});

describe("conflictPolicy", () => {
  it("returns the defaults when given nothing", () => {
    expect(conflictPolicy()).toEqual(DEFAULT_CONFLICT_POLICY);
  });

  it("overrides single fields and replaces a cap list as a whole", () => {
    const p = conflictPolicy({ dedupeWindowMs: 7 * DAY, caps: { perAgent: [{ windowMs: DAY, max: 50 }] } });
    expect(p.dedupeWindowMs).toBe(7 * DAY);
    expect(p.caps.perAgent).toEqual([{ windowMs: DAY, max: 50 }]);
    expect(p.caps.perContact).toEqual(DEFAULT_CONFLICT_POLICY.caps.perContact);
    expect(conflictPolicy({ caps: { perAccount: [] } }).caps.perAccount).toEqual([]);
  });

  it("rejects non-positive or fractional windows with a message naming the field", () => {
    const zero = failure(() => conflictPolicy({ dedupeWindowMs: 0 }));
    expect(zero.code).toBe("invalid_conflict_policy");
    expect(zero.message).toMatch(/dedupeWindowMs is 0; give a whole number of milliseconds above 0/);
    expect(failure(() => conflictPolicy({ pauseRecheckMs: -5 })).message).toMatch(/pauseRecheckMs is -5/);
    const cap = failure(() =>
      conflictPolicy({
        caps: {
          perContact: [
            { windowMs: DAY, max: 1 },
            { windowMs: 1.5, max: 1 },
          ],
        },
      }),
    );
    expect(cap.message).toMatch(/caps\.perContact\[1\]\.windowMs is 1\.5/);
    expect(failure(() => conflictPolicy({ dedupeWindowMs: Number.NaN })).message).toMatch(/is NaN/);
  });

  it("rejects a max below 1 with a hint to remove the cap instead", () => {
    const error = failure(() => conflictPolicy({ caps: { perAccount: [{ windowMs: DAY, max: 0 }] } }));
    expect(error.message).toBe(
      "The conflict policy's caps.perAccount[0].max is 0; give a whole number of touches of at least 1 (remove the cap to lift it).",
    );
  });

  it("rejects unknown fields, top-level and inside caps", () => {
    const input = { dedupeWindow: DAY, caps: { perTeam: [] } } as unknown as Parameters<
      typeof conflictPolicy
    >[0];
    const error = failure(() => conflictPolicy(input));
    expect(error.code).toBe("unknown_conflict_policy_field");
    expect(error.message).toMatch(/"dedupeWindow", "caps\.perTeam"/);
  });
});
