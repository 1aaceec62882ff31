// The demo-data feature: a pure generator, the store seeding around it, and the summary `growth seed` prints.
export { parseAnchor, seedAnchor } from "./clock.ts";
export {
  DEFAULT_SEED,
  type DemoData,
  type DemoDataOptions,
  generateDemoData,
  REFERENCE_ANCHOR,
} from "./generate.ts";
export {
  runSeed,
  type SeedReport,
  type SeedStoreOptions,
  STORE_NOT_EMPTY,
  seedIfEmpty,
  seedStore,
} from "./seed-store.ts";
export { formatSeedSummary } from "./summary.ts";
export { contentHash } from "./touch-log.ts";
