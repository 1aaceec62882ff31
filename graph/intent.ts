import createClassifier from "wink-naive-bayes-text-classifier";
import type { AgentId } from "../domain/agents.ts";
import { clauses, terms } from "./intent-text.ts";
import { typoRepairer } from "./intent-typos.ts";

export { clauses, terms } from "./intent-text.ts";

/** What the classifier learns of an agent: what it does and requests it handles. */
export interface IntentProfile {
  readonly id: AgentId;
  readonly description: string;
  readonly examples: readonly string[];
}

/** A labelled request to learn from: the agents it needs (none: off-topic, nothing should run). */
export interface TrainingText {
  readonly text: string;
  readonly agents: readonly AgentId[];
}

/** One agent's probability for a request and the request's terms its training text contains. */
export interface IntentScore {
  agent: AgentId;
  /** Naive-Bayes probability of this agent against all other labels, 0–1. */
  score: number;
  terms: string[];
}

/** The classifier's verdict: agents to run (primary first), every agent's score, and the evidence. */
export interface IntentMatch {
  readonly agents: AgentId[];
  readonly scores: IntentScore[];
  /** The best label's probability times the share of the request's terms seen in training, 0–1. */
  readonly confidence: number;
}

/** The thresholds below which the classifier abstains: for the whole request, and for each further clause. */
export interface Calibration {
  readonly minConfidence: number;
  readonly minClause: number;
}

/** Options of the matcher; by default it calibrates itself on its training text. */
export interface IntentOptions {
  /** Most agents one request runs. */
  maxAgents?: number;
  /** Fixed thresholds instead of the cross-validated ones. */
  calibration?: Calibration;
}

/** The label of off-topic training text. */
const NONE = "none";
const FOLDS = 5;
const GRID = Array.from({ length: 39 }, (_, i) => Math.round((i + 1) * 25) / 1000);

interface Doc {
  terms: string[];
  label: string;
}

interface Model {
  odds(words: readonly string[]): { ranked: [string, number][]; coverage: number };
  seen: Map<string, Set<string>>;
  /** A word as the model reads it: itself, or the vocabulary word a typo of it stands for. */
  repair(word: string): string;
}

/** Additive smoothing of the naive-Bayes likelihoods, chosen by cross-validation on the train split. */
const SMOOTHING = 0.2;

/**
 * Most "unseen word" marks one document carries. A word found in one training document only stands for the
 * words a request may bring that training never saw: it adds a mark (`?1`, `?2`) to its document, and each
 * word of a request the model does not know adds one. Off-topic text is full of such words, so unknown words
 * count as evidence for "none" instead of being ignored.
 */
const UNSEEN_MARKS = 2;

function unseenMarks(count: number): string[] {
  return Array.from({ length: Math.min(count, UNSEEN_MARKS) }, (_, i) => `?${i + 1}`);
}

/**
 * Each pair of adjacent terms as one more feature ("win+rate", "pricing+page"): a pair says what neither word
 * says alone, and off-topic text shares words with the domain far more often than it shares pairs. A request's
 * pairs count only when training saw them, and never as unknown words.
 */
function pairs(words: readonly string[]): string[] {
  return words.slice(1).map((w, i) => `${words[i]}+${w}`);
}

function train(docs: readonly Doc[]): Model {
  const nbc = createClassifier();
  nbc.defineConfig({ considerOnlyPresence: true, smoothingFactor: SMOOTHING });
  const seen = new Map<string, Set<string>>();
  const vocabulary = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d.terms)) vocabulary.set(t, (vocabulary.get(t) ?? 0) + 1);
  for (const d of docs) {
    if (d.terms.length === 0) continue;
    const once = new Set(d.terms.filter((t) => vocabulary.get(t) === 1)).size;
    nbc.learn([...d.terms, ...pairs(d.terms), ...unseenMarks(once)], d.label);
    const words = seen.get(d.label) ?? new Set<string>();
    for (const t of d.terms) words.add(t);
    seen.set(d.label, words);
  }
  nbc.consolidate();
  const knownPairs = new Set(docs.flatMap((d) => pairs(d.terms)));
  const labels = [...seen.keys()];
  const repair = typoRepairer(vocabulary);
  return {
    seen,
    repair,
    odds(typed) {
      // Coverage and the unseen marks count the words as typed: a repaired typo still tells of a word the
      // model did not know, which keeps repairs from lending off-topic text the vocabulary's confidence.
      const unknown = new Set(typed.filter((w) => !vocabulary.has(w)));
      const coverage =
        typed.length === 0 ? 0 : (typed.length - typed.filter((w) => unknown.has(w)).length) / typed.length;
      const words = typed.map(repair);
      if (!words.some((w) => vocabulary.has(w)))
        return { ranked: labels.map((l) => [l, 0] as [string, number]), coverage };
      const ranked = nbc
        .computeOdds([
          ...words,
          ...pairs(words).filter((p) => knownPairs.has(p)),
          ...unseenMarks(unknown.size),
        ])
        .map(([label, log2Odds]) => [label, 1 / (1 + 2 ** -log2Odds)] as [string, number])
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      return { ranked, coverage };
    },
  };
}

/** What one request looks like to a model: its label and confidence, and each further clause's. */
interface Reading {
  top: string;
  confidence: number;
  ranked: [string, number][];
  parts: { top: string; confidence: number }[];
}

function read(model: Model, text: string, reader: Reader): Reading {
  const words = termsOf(text, reader);
  const whole = model.odds(words);
  const [top, p] = whole.ranked[0] ?? [NONE, 0];
  const pieces = clauses(text);
  const parts =
    pieces.length < 2
      ? []
      : pieces.map((piece) => {
          const r = model.odds(termsOf(piece, reader));
          const [label, q] = r.ranked[0] ?? [NONE, 0];
          return { top: label, confidence: q * r.coverage };
        });
  return { top, confidence: p * whole.coverage, ranked: whole.ranked, parts };
}

/** Terms of texts, memoised. */
interface Reader {
  cache: Map<string, string[]>;
}

function termsOf(text: string, reader: Reader): string[] {
  let words = reader.cache.get(text);
  if (!words) {
    words = terms(text);
    reader.cache.set(text, words);
  }
  return words;
}

/** The agents a reading asks for under thresholds: the whole request's label, then each confident clause's. */
function decide(r: Reading, c: Calibration, maxAgents: number): string[] {
  if (r.top === NONE || r.confidence < c.minConfidence) return [];
  const asked: string[] = [];
  for (const part of r.parts) {
    if (part.top !== NONE && part.confidence >= c.minClause && !asked.includes(part.top))
      asked.push(part.top);
  }
  // Primary first: the agent of the first clause asked, unless the whole request points elsewhere.
  const chosen = asked.includes(r.top) ? asked : [r.top, ...asked];
  return chosen.slice(0, maxAgents);
}

function correct(got: readonly string[], want: readonly string[]): boolean {
  if (got.length !== want.length) return false;
  if (got.length > 0 && !want.includes(got[0]!)) return false;
  return got.every((a) => want.includes(a));
}

/**
 * Picks the thresholds by deterministic k-fold cross-validation over the training requests: each fold is
 * read by a model trained without it (the agents' own descriptions and examples are always in), and the
 * thresholds that route the most held-back requests right win (ties: the more cautious thresholds).
 */
function calibrate(
  base: readonly Doc[],
  labelled: readonly TrainingText[],
  reader: Reader,
  maxAgents: number,
): Calibration {
  if (labelled.length < FOLDS) return { minConfidence: 0.3, minClause: 0.5 };
  const readings: { r: Reading; want: readonly string[] }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const rest = labelled.filter((_, i) => i % FOLDS !== k);
    const model = train([...base, ...docsOf(rest, reader)]);
    labelled.forEach((t, i) => {
      if (i % FOLDS === k) readings.push({ r: read(model, t.text, reader), want: t.agents });
    });
  }
  let best: Calibration = { minConfidence: GRID[0]!, minClause: GRID[0]! };
  let bestHits = -1;
  for (const minConfidence of GRID) {
    for (const minClause of GRID) {
      const c = { minConfidence, minClause };
      const hits = readings.filter(({ r, want }) => correct(decide(r, c, maxAgents), want)).length;
      if (hits >= bestHits) {
        best = c;
        bestHits = hits;
      }
    }
  }
  return best;
}

/** Training documents of labelled requests: one per single-agent request, off-topic ones as "none". */
function docsOf(labelled: readonly TrainingText[], reader: Reader): Doc[] {
  return labelled
    .filter((t) => t.agents.length <= 1)
    .map((t) => ({ terms: termsOf(t.text, reader), label: t.agents[0] ?? NONE }));
}

/**
 * Builds the deterministic, offline intent classifier: a naive-Bayes text classifier (wink) over wink-nlp
 * lemmas, trained on each agent's description and examples and on the labelled training requests (the
 * routing suite's train split), with abstention thresholds cross-validated on those requests. A request
 * runs its best agent when the classifier is confident enough, plus the best agent of each further clause
 * that is ("score … and plan …"), primary first; otherwise nothing runs.
 */
export function createIntentMatcher(
  profiles: readonly IntentProfile[],
  training: readonly TrainingText[] = [],
  options: IntentOptions = {},
): (text: string) => IntentMatch {
  const maxAgents = options.maxAgents ?? 3;
  const reader = { cache: new Map<string, string[]>() };
  const base = baseDocs(profiles, reader);
  const model = train([...base, ...docsOf(training, reader)]);
  const calibration = options.calibration ?? calibrate(base, training, reader, maxAgents);
  const ids = new Set<string>(profiles.map((p) => p.id));

  return function matchIntent(text: string): IntentMatch {
    const once: Reader = { cache: new Map() };
    const words = termsOf(text, once);
    const r = read(model, text, once);
    const scores: IntentScore[] = r.ranked
      .filter(([label]) => ids.has(label))
      .map(([label, p]) => ({
        agent: label as AgentId,
        score: Math.round(p * 1000) / 1000,
        terms: words.filter((w) => model.seen.get(label)?.has(model.repair(w))),
      }));
    const agents = decide(r, calibration, maxAgents).filter((a) => ids.has(a)) as AgentId[];
    return { agents, scores, confidence: Math.round(r.confidence * 1000) / 1000 };
  };
}

/** The thresholds a matcher over these profiles and training requests calibrates itself to (for tests, reports). */
export function calibrationOf(
  profiles: readonly IntentProfile[],
  training: readonly TrainingText[],
  maxAgents = 3,
): Calibration {
  const reader = { cache: new Map<string, string[]>() };
  return calibrate(baseDocs(profiles, reader), training, reader, maxAgents);
}

function baseDocs(profiles: readonly IntentProfile[], reader: Reader): Doc[] {
  return profiles.flatMap((p) =>
    [p.description, ...p.examples].map((text) => ({ terms: termsOf(text, reader), label: p.id })),
  );
}
