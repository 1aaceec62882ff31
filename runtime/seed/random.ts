import { base, en, Faker, generateMersenne53Randomizer } from "@faker-js/faker";
import { DAY } from "./clock.ts";

/** The parts of the dataset, each drawn from its own random stream so one part can change alone. */
export const STREAMS = {
  accounts: 1,
  opportunities: 2,
  contacts: 3,
  leads: 4,
  sequences: 5,
  campaignTouches: 6,
  dealTouches: 7,
  suppressions: 8,
} as const;

/** A private faker for one stream of one seed: no global state, same seed and stream, same values. */
export function seededFaker(seed: number, stream: number, anchor: Date): Faker {
  // An explicitly seeded randomizer: faker's default one draws its first seed from Math.random.
  const randomizer = generateMersenne53Randomizer(seed);
  randomizer.seed([seed, stream]);
  const faker = new Faker({ locale: [en, base], randomizer });
  // Nothing here should read faker's date module, but if it does it must not see the real clock.
  faker.setDefaultRefDate(anchor);
  return faker;
}

/** A uniformly random whole-second time in [from, to]; `from` when the range is empty. */
export function timeBetween(faker: Faker, from: number, to: number): number {
  const lo = Math.ceil(from / 1000);
  const hi = Math.floor(to / 1000);
  if (hi <= lo) return lo * 1000;
  return faker.number.int({ min: lo, max: hi }) * 1000;
}

/** A random duration of `min`..`max` days, in whole seconds. */
export function daysBetween(faker: Faker, min: number, max: number): number {
  return timeBetween(faker, min * DAY, max * DAY);
}

/** Picks a value by weight, e.g. `weighted(f, [["a", 3], ["b", 1]])`. */
export function weighted<T>(faker: Faker, entries: ReadonlyArray<readonly [T, number]>): T {
  return faker.helpers.weightedArrayElement(entries.map(([value, weight]) => ({ value, weight })));
}

/** True with probability `p`. */
export function chance(faker: Faker, p: number): boolean {
  return faker.number.float({ min: 0, max: 1 }) < p;
}
