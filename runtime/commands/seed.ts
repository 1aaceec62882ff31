import { Command, InvalidArgumentError } from "commander";
import { withContext } from "../context.ts";
import { DEFAULT_ANCHOR, DEFAULT_SEED, formatSeedSummary, runSeed } from "../seed/index.ts";

/** `growth seed [--seed <n>] [--force]`: fills the store with the reproducible demo dataset. */
export function seedCommand(): Command {
  return new Command("seed")
    .description(
      `Fill an empty store with a seeded, reproducible B2B demo dataset (anchored at ${DEFAULT_ANCHOR}).`,
    )
    .option(
      "--seed <n>",
      "random seed; the same seed gives the same data, byte for byte",
      parseSeed,
      DEFAULT_SEED,
    )
    .option(
      "--force",
      "wipe the CRM tables (accounts, contacts, leads, opportunities, touches, …) and reseed",
    )
    .action(async function runSeedCommand(this: Command) {
      const { seed, force } = this.opts<{ seed: number; force?: boolean }>();
      await withContext(this, async ({ store }) => {
        const report = await runSeed(store, { seed, force: force === true });
        console.log(formatSeedSummary(report, store.file));
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
