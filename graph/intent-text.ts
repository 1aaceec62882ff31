import { createRequire } from "node:module";
import type model from "wink-eng-lite-web-model";
import type winkNLP from "wink-nlp";
import type { ItemToken, ItsFunction } from "wink-nlp";

const load = createRequire(import.meta.url);
type Wink = ReturnType<typeof winkNLP>;
let wink: { nlp: Wink; its: Wink["its"]; lemma: ItsFunction<string> } | undefined;

// wink-nlp with its English lite model (tokens, lemmas, stop words, sentence boundaries), loaded on first use
// rather than on import: only chat routing reads text, and the model takes a noticeable time to load.
function nlpOf() {
  if (!wink) {
    const nlp = (load("wink-nlp") as typeof winkNLP)(load("wink-eng-lite-web-model") as typeof model, [
      "sbd",
      "pos",
    ]);
    // The model's lemmatizer also takes the model's add-ons, which wink-nlp's own ItsFunction type leaves out.
    wink = { nlp, its: nlp.its, lemma: nlp.its.lemma as unknown as ItsFunction<string> };
  }
  return wink;
}

// A web domain ("globex.com", "app.acme.io"; not an email's): wink-nlp reads its dot as a sentence end and
// its TLD as a word ("com"), which split a clause in two and put a word in every account's request.
const DOMAIN = /(?<![@\w.-])([a-z0-9][a-z0-9-]*)(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\b(?![@.-]?\w)/gi;

/** The text with each web domain read as its first label ("umbrella.com" → "umbrella"). */
function withoutDomains(text: string): string {
  return text.replace(DOMAIN, "$1");
}

/**
 * The content lemmas of a text, in order: words only (no emails, numbers or punctuation; a domain as its name),
 * stop words dropped, lower-cased lemmas ("deals" → "deal", "slipping" → "slip").
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  const { nlp, its, lemma } = nlpOf();
  nlp
    .readDoc(withoutDomains(text))
    .tokens()
    .each((t: ItemToken) => {
      if (t.out(its.type) !== "word" || t.out(its.stopWordFlag)) return;
      const word = t.out(lemma).toLowerCase();
      if (/^[a-z][a-z0-9-]+$/.test(word)) out.push(word);
    });
  return out;
}

/** Words that join two requests inside one sentence ("show the funnel and then reallocate the budget"). */
const JOINS = /[,;:]|\b(?:and then|and also|and|then|also|plus|if so)\b/i;

/** Splits a request into the clauses a person separates with sentences, "and", "then", commas or semicolons. */
export function clauses(text: string): string[] {
  const sentences: string[] = nlpOf().nlp.readDoc(withoutDomains(text)).sentences().out();
  return sentences
    .flatMap((s) => s.split(JOINS))
    .map((c) => (c ?? "").trim())
    .filter((c) => c !== "");
}
