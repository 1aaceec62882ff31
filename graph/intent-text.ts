import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemToken, type ItsFunction } from "wink-nlp";

// wink-nlp with its English lite model: tokens, lemmas, stop words and sentence boundaries. Loaded once.
const nlp = winkNLP(model, ["sbd", "pos"]);
const its = nlp.its;
// The model's lemmatizer also takes the model's add-ons, which wink-nlp's own ItsFunction type leaves out.
const lemma = its.lemma as unknown as ItsFunction<string>;

/** Words that join two requests inside one sentence ("show the funnel and then reallocate the budget"). */
const JOINS = /[,;:]|\b(?:and then|and also|and|then|also|plus|if so)\b/i;

/**
 * The content lemmas of a text, in order: words only (no emails, domains, numbers or punctuation), stop words
 * dropped, lower-cased lemmas ("deals" → "deal", "slipping" → "slip").
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  nlp
    .readDoc(text)
    .tokens()
    .each((t: ItemToken) => {
      if (t.out(its.type) !== "word" || t.out(its.stopWordFlag)) return;
      const word = t.out(lemma).toLowerCase();
      if (/^[a-z][a-z0-9-]+$/.test(word)) out.push(word);
    });
  return out;
}

/** Splits a request into the clauses a person separates with sentences, "and", "then", commas or semicolons. */
export function clauses(text: string): string[] {
  const sentences: string[] = nlp.readDoc(text).sentences().out();
  return sentences
    .flatMap((s) => s.split(JOINS))
    .map((c) => (c ?? "").trim())
    .filter((c) => c !== "");
}
