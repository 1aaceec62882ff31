import { Command, InvalidArgumentError } from "commander";
import { UserError } from "../../domain/errors.ts";
import { withContext } from "../context.ts";
import { DEFAULT_SEED, formatSeedSummary, parseAnchor, runSeed, seedAnchor } from "../seed/index.ts";

/** `growth seed [--seed <n>] [--anchor <date>] [--force]`: fills the store with the reproducible demo dataset. */
export function seedCommand(): Command {
  return new Command("seed")
    .description(
      "Fill an empty store with a seeded, reproducible B2B demo dataset ending on the anchor date (default: today).",
    )
    .option(
      "--seed <n>",
      "random seed; the same seed gives the same data, byte for byte",
      parseSeed,
      DEFAULT_SEED,
    )
    .option(
      "--anchor <date>",
      "the date the data ends on, ISO 8601 (default: the start of today, UTC); same seed and anchor, same data",
    )
    .option(
      "--force",
      "wipe the CRM tables (accounts, contacts, leads, opportunities, touches, …) and reseed",
    )
    .action(async function runSeedCommand(this: Command) {
      const { seed, anchor, force } = this.opts<{ seed: number; anchor?: string; force?: boolean }>();
      // Checked before the store is opened, so a bad anchor creates no file; a user error exits 2.
      const now = anchor === undefined ? seedAnchor(new Date()) : parseAnchor(anchor);
      if (!now)
        throw new UserError(
          "anchor_invalid",
          "the anchor must be an ISO 8601 date, e.g. --anchor 2026-12-01.",
        );
      await withContext(this, async ({ store }) => {
        const report = await runSeed(store, { seed, now, force: force === true });
        console.log(formatSeedSummary(report, store.name));
      });
    });
}

/** Parses `--seed`: a non-negative whole number. */
function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(seed)) {
    throw new InvalidArgumentError("the seed must be a non-negative whole number, e.g. --seed 42.");
  }
  return seed;
}
