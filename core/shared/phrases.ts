// Sentences Tally writes in English, said again in another language: each phrase is a pattern of
// the whole sentence and the words for it, given the pattern's captured parts.

export type Phrase = readonly [RegExp, (...parts: string[]) => string];

/** The words of the first phrase whose pattern matches `text`; undefined when none does. */
export const sayBy = (phrases: Iterable<Phrase>, text: string): string | undefined => {
  for (const [pattern, words] of phrases) {
    const m = pattern.exec(text);
    if (m) return words(...m);
  }
  return undefined;
};
