import { z } from "zod";

/**
 * Token counts of one call; `input` includes `cached` (read from the provider's prompt cache) and
 * `cacheWrite` (written to it, Anthropic only).
 */
export interface Usage {
  readonly input: number;
  readonly output: number;
  readonly cached: number;
  readonly cacheWrite?: number;
}

/** The price of one model in US dollars per one million tokens. */
export const ModelPrice = z.object({
  input: z.number().min(0).describe("USD per 1M uncached input tokens"),
  output: z.number().min(0).describe("USD per 1M output tokens"),
  cached: z.number().min(0).describe("USD per 1M cached input tokens"),
  cacheWrite: z
    .number()
    .min(0)
    .optional()
    .describe("USD per 1M input tokens written to the prompt cache; default 1.25 × input (Anthropic's rate)"),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/** Prices keyed by `provider:model`, e.g. `openai:gpt-4o-mini`. */
export const PriceTable = z.record(z.string().regex(/^(openai|anthropic):.+$/), ModelPrice);
export type PriceTable = z.infer<typeof PriceTable>;

/** List prices at the time of writing; override or extend them in the model config file. */
export const DEFAULT_PRICES: PriceTable = {
  "openai:gpt-4o-mini": { input: 0.15, output: 0.6, cached: 0.075 },
  "openai:gpt-4o": { input: 2.5, output: 10, cached: 1.25 },
  "openai:gpt-4.1-mini": { input: 0.4, output: 1.6, cached: 0.1 },
  "openai:gpt-4.1": { input: 2, output: 8, cached: 0.5 },
  "anthropic:claude-haiku-4-5": { input: 1, output: 5, cached: 0.1 },
  "anthropic:claude-sonnet-4-5": { input: 3, output: 15, cached: 0.3 },
  "anthropic:claude-3-5-haiku-latest": { input: 0.8, output: 4, cached: 0.08 },
};

/** No usage at all, for failed calls. */
export const NO_USAGE: Usage = { input: 0, output: 0, cached: 0 };

/**
 * The cost of one call in USD, or null when the model has no price (an unknown cost is not zero).
 * Cached reads are billed at the cached rate, cache writes at the write rate, the rest of the input at the
 * input rate.
 */
export function costUsd(prices: PriceTable, provider: string, model: string, usage: Usage): number | null {
  const price = prices[`${provider}:${model}`];
  if (!price) return null;
  const cached = Math.min(usage.cached, usage.input);
  const written = Math.min(usage.cacheWrite ?? 0, usage.input - cached);
  const writePrice = price.cacheWrite ?? price.input * 1.25;
  const micro =
    (usage.input - cached - written) * price.input +
    cached * price.cached +
    written * writePrice +
    usage.output * price.output;
  // Prices have at most a few decimals: round away float noise at a billionth of a dollar.
  return Math.round(micro * 1_000) / 1e9;
}
