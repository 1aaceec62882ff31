/**
 * Typo repair for the intent classifier: a word it never learnt is read as the vocabulary word one edit away
 * ("shedule" → "schedule", "campain" → "campaign"), so a slip of the keys does not hide what a request asks.
 */

/** Shortest word repaired: shorter words are one edit away from too many others ("snow", "show"). */
const MIN_LENGTH = 5;
/** Fewest training documents a repair target appears in: repairs lead to established words only. */
const MIN_DOCS = 3;

/** Whether a and b are at most one edit apart: an insertion, a deletion, a substitution or two letters swapped. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * A repairer over a vocabulary (word → number of training documents it appears in): a known or short word
 * stays as it is; an unknown one becomes the most common vocabulary word one edit away (ties: the first in
 * alphabetical order), or stays when there is none.
 */
export function typoRepairer(vocabulary: ReadonlyMap<string, number>): (word: string) => string {
  const targets = [...vocabulary]
    .filter(([w, n]) => n >= MIN_DOCS && w.length >= MIN_LENGTH - 1)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const memo = new Map<string, string>();
  return function repair(word: string): string {
    if (vocabulary.has(word) || word.length < MIN_LENGTH) return word;
    let fixed = memo.get(word);
    if (fixed === undefined) {
      fixed = targets.find(([w]) => oneEditApart(word, w))?.[0] ?? word;
      memo.set(word, fixed);
    }
    return fixed;
  };
}
