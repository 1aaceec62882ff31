// Types of the parts of wink-naive-bayes-text-classifier (it ships none) that graph/intent-classifier.ts uses.
declare module "wink-naive-bayes-text-classifier" {
  /** A naive-Bayes text classifier over token lists (no preparation tasks defined). */
  export interface NaiveBayesTextClassifier {
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    learn(tokens: readonly string[], label: string): boolean;
    consolidate(): boolean;
    /** `[label, log2 odds]` pairs, best first; `[["unknown", 0]]` when no token was ever seen. */
    computeOdds(tokens: readonly string[]): [string, number][];
  }
  /** A fresh, untrained classifier. */
  export default function create(): NaiveBayesTextClassifier;
}
