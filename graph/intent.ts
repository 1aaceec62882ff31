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

/**
 * The thresholds below which the classifier abstains (for the whole request, and for each further clause), and
 * the weight of "none": log2 odds added to the off-topic label's, so that how readily the classifier abstains
 * is learnt from held-back training requests rather than from how many off-topic ones training happens to hold.
 */
export interface Calibration {
  readonly minConfidence: number;
  readonly minClause: number;
  /** Log2 odds added to "none" (default 0). */
  readonly noneBias?: number;
}

/** Options of the matcher; by default it calibrates itself on its training text. */
export interface IntentOptions {
  /** Most agents one request runs. */
  maxAgents?: number;
  /** Fixed thresholds instead of the cross-validated ones. */
  calibration?: Calibration;
  /** Weight of the nearest-training-text scorer (default `NEAREST_WEIGHT`; 0 leaves naive Bayes alone). */
  nearestWeight?: number;
}

/** The label of off-topic training text. */
const NONE = "none";
const FOLDS = 5;
const GRID = Array.from({ length: 39 }, (_, i) => Math.round((i + 1) * 25) / 1000);
/** The weights of "none" cross-validation chooses among, in log2 odds. */
const NONE_BIASES = [-2, -1, 0, 1, 2, 3, 4];

interface Doc {
  terms: string[];
  label: string;
}

/** A text's log2 odds per label (null: not one word the model knows) and the share of its words it knows. */
interface Odds {
  logOdds: [string, number][] | null;
  coverage: number;
}

interface Model {
  odds(words: readonly string[]): Odds;
  labels: string[];
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

/**
 * Weight of the second scorer, in log2 odds: each label's odds gain `NEAREST_WEIGHT × (similarity − 0.5)`,
 * where similarity is the idf-weighted cosine between the request's known words and the label's nearest
 * training text. Naive Bayes sums evidence word by word; the nearest text rewards a request phrased like one
 * request seen before. Chosen by cross-validation on the train split (2 to 5 all helped; 3 the most).
 */
const NEAREST_WEIGHT = 3;

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

function train(docs: readonly Doc[], nearestWeight: number): Model {
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
  // idf² per word, and the training texts each word is in: a request's similarities come from the texts that
  // share a word with it, without a pass over every text.
  const weight = new Map<string, number>();
  for (const [w, n] of vocabulary) weight.set(w, Math.log((docs.length + 1) / (n + 1)) ** 2);
  const textsOf = new Map<string, number[]>();
  const norms = docs.map((d, i) => {
    const words = new Set(d.terms);
    for (const w of words) {
      const list = textsOf.get(w);
      if (list) list.push(i);
      else textsOf.set(w, [i]);
    }
    return Math.sqrt([...words].reduce((a, w) => a + weight.get(w)!, 0));
  });
  /** Each label's idf-weighted cosine similarity between the words and its nearest training text. */
  const nearest = (words: readonly string[]): Map<string, number> => {
    const q = new Set(words.filter((w) => vocabulary.has(w)));
    const qNorm = Math.sqrt([...q].reduce((a, w) => a + weight.get(w)!, 0));
    const dots = new Map<number, number>();
    for (const w of q) for (const i of textsOf.get(w)!) dots.set(i, (dots.get(i) ?? 0) + weight.get(w)!);
    const best = new Map<string, number>();
    for (const [i, dot] of dots) {
      const sim = qNorm > 0 && norms[i]! > 0 ? dot / (qNorm * norms[i]!) : 0;
      const label = docs[i]!.label;
      if (sim > (best.get(label) ?? 0)) best.set(label, sim);
    }
    return best;
  };
  const knownPairs = new Set(docs.flatMap((d) => pairs(d.terms)));
  const repair = typoRepairer(vocabulary);
  return {
    labels: [...seen.keys()],
    seen,
    repair,
    odds(typed) {
      // Coverage and the unseen marks count the words as typed: a repaired typo still tells of a word the
      // model did not know, which keeps repairs from lending off-topic text the vocabulary's confidence.
      const unknown = new Set(typed.filter((w) => !vocabulary.has(w)));
      const coverage =
        typed.length === 0 ? 0 : (typed.length - typed.filter((w) => unknown.has(w)).length) / typed.length;
      const words = typed.map(repair);
      if (!words.some((w) => vocabulary.has(w))) return { logOdds: null, coverage };
      const logOdds = nbc.computeOdds([
        ...words,
        ...pairs(words).filter((p) => knownPairs.has(p)),
        ...unseenMarks(unknown.size),
      ]);
      const near = nearest(words);
      for (const entry of logOdds) entry[1] += nearestWeight * ((near.get(entry[0]) ?? 0) - 0.5);
      return { logOdds, coverage };
    },
  };
}

/** Labels by probability, best first, with "none" weighted by the bias (no known word: every label at 0). */
function ranked(model: Model, odds: Odds, bias: number): [string, number][] {
  if (!odds.logOdds) return model.labels.map((l) => [l, 0] as [string, number]);
  return odds.logOdds
    .map(([label, lo]) => [label, 1 / (1 + 2 ** -(lo + (label === NONE ? bias : 0)))] as [string, number])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** The best label and its probability, as `ranked(…)[0]` would give, without sorting every label. */
function best(model: Model, odds: Odds, bias: number): [string, number] {
  if (!odds.logOdds) return [[...model.labels].sort()[0] ?? NONE, 0];
  let top: [string, number] = [NONE, -1];
  for (const [label, lo] of odds.logOdds) {
    const p = 1 / (1 + 2 ** -(lo + (label === NONE ? bias : 0)));
    if (p > top[1] || (p === top[1] && label < top[0])) top = [label, p];
  }
  return top;
}

/** What one request looks like to a model, before any calibration: the whole text's odds and each clause's. */
interface Raw {
  whole: Odds;
  parts: Odds[];
}

function readRaw(model: Model, text: string, reader: Reader): Raw {
  const pieces = clauses(text);
  return {
    whole: model.odds(termsOf(text, reader)),
    parts: pieces.length < 2 ? [] : pieces.map((piece) => model.odds(termsOf(piece, reader))),
  };
}

/** What one request looks like under a weight of "none": its label and confidence, and each further clause's. */
interface Reading {
  top: string;
  confidence: number;
  parts: { top: string; confidence: number }[];
}

function read(model: Model, raw: Raw, bias: number): Reading {
  const [top, p] = best(model, raw.whole, bias);
  const parts = raw.parts.map((odds) => {
    const [label, q] = best(model, odds, bias);
    return { top: label, confidence: q * odds.coverage };
  });
  return { top, confidence: p * raw.whole.coverage, parts };
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
  nearestWeight: number,
): Calibration {
  if (labelled.length < FOLDS) return { minConfidence: 0.3, minClause: 0.5, noneBias: 0 };
  const raws: { model: Model; raw: Raw; want: readonly string[] }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const rest = labelled.filter((_, i) => i % FOLDS !== k);
    const model = train([...base, ...docsOf(rest, reader)], nearestWeight);
    labelled.forEach((t, i) => {
      if (i % FOLDS === k) raws.push({ model, raw: readRaw(model, t.text, reader), want: t.agents });
    });
  }
  let best: Calibration = { minConfidence: GRID[0]!, minClause: GRID[0]!, noneBias: 0 };
  let bestHits = -1;
  // Ascending everywhere, ties to the later: the more cautious thresholds and the heavier "none".
  for (const noneBias of NONE_BIASES) {
    // A request is either abstained on (right when it wants nothing) or routed as minClause decides. Sorted by
    // confidence, the requests routed under minConfidence are a suffix, so each pair of thresholds costs a
    // look-up: hits = (right when abstained on, all) + (routing's gain over abstaining, over that suffix).
    const readings = raws
      .map(({ model, raw, want }) => {
        const r = read(model, raw, noneBias);
        const abstainRight = want.length === 0 ? 1 : 0;
        const routeRight = (minClause: number) =>
          (correct(decide(r, { minConfidence: -1, minClause }, maxAgents), want) ? 1 : 0) - abstainRight;
        // With one clause, minClause plays no part: one decision stands for the whole grid.
        const gain = r.parts.length === 0 ? GRID.map(() => routeRight(1)) : GRID.map(routeRight);
        return { confidence: r.top === NONE ? -1 : r.confidence, abstainRight, gain };
      })
      .sort((a, b) => a.confidence - b.confidence);
    const abstainHits = readings.reduce((n, r) => n + r.abstainRight, 0);
    // suffix[j][i]: routing's gain summed over readings i… under the j-th minClause.
    const suffix = GRID.map((_, j) => {
      const sums = new Array<number>(readings.length + 1).fill(0);
      for (let i = readings.length - 1; i >= 0; i--) sums[i] = sums[i + 1]! + readings[i]!.gain[j]!;
      return sums;
    });
    let first = 0;
    for (const minConfidence of GRID) {
      while (first < readings.length && readings[first]!.confidence < minConfidence) first++;
      for (const [j, minClause] of GRID.entries()) {
        const hits = abstainHits + suffix[j]![first]!;
        const c = { minConfidence, minClause, noneBias };
        if (hits >= bestHits) {
          best = c;
          bestHits = hits;
        }
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
  const nearestWeight = options.nearestWeight ?? NEAREST_WEIGHT;
  const model = train([...base, ...docsOf(training, reader)], nearestWeight);
  const calibration = options.calibration ?? calibrate(base, training, reader, maxAgents, nearestWeight);
  const ids = new Set<string>(profiles.map((p) => p.id));

  return function matchIntent(text: string): IntentMatch {
    const once: Reader = { cache: new Map() };
    const words = termsOf(text, once);
    const raw = readRaw(model, text, once);
    const r = read(model, raw, calibration.noneBias ?? 0);
    const scores: IntentScore[] = ranked(model, raw.whole, calibration.noneBias ?? 0)
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
  return calibrate(baseDocs(profiles, reader), training, reader, maxAgents, NEAREST_WEIGHT);
}

function baseDocs(profiles: readonly IntentProfile[], reader: Reader): Doc[] {
  return profiles.flatMap((p) =>
    [p.description, ...p.examples].map((text) => ({ terms: termsOf(text, reader), label: p.id })),
  );
}
