// Where a text stops being JSON, in Tally's words rather than the runtime's (whose message changes
// between Node versions, quotes the text back and is English): found by JSON.parse itself, as the
// longest start of the text that is still JSON or JSON cut short; the character after it is the
// first that cannot be there.

/** Is `start` JSON, or JSON cut short (so more text could still make it JSON)? */
const couldContinue = (start: string): boolean => {
  try {
    JSON.parse(start);
    return true;
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    return /Unexpected end of JSON input/.test(message) || (at !== null && Number(at[1]) >= start.length);
  }
};

/** A character as it can be quoted on one line. */
const shown = (ch: string): string => (/[\u0000-\u001f]/.test(ch) ? JSON.stringify(ch).slice(1, -1) : ch);

/**
 * What is wrong with a text that is not JSON, in English (problemWords.ts says it in Chinese):
 * `character 9 ('}') cannot come there`, `line 2, column 3 ('x') cannot come there` for a text of
 * several lines, `it ends in the middle of a value`, or `it is empty`. Undefined when the text is JSON.
 */
export const jsonMistake = (text: string): string | undefined => {
  if (text.trim() === '') return 'it is empty';
  if (couldContinue(text)) {
    try {
      JSON.parse(text);
      return undefined;
    } catch {
      return 'it ends in the middle of a value';
    }
  }
  // a start that could continue stays so when shortened: the longest one is found by halving
  let lo = 0;
  let hi = text.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (couldContinue(text.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  const ch = shown(String.fromCodePoint(text.codePointAt(lo) ?? 0));
  const before = text.slice(0, lo);
  const lines = before.split('\n');
  return text.includes('\n') ? `line ${lines.length}, column ${lines[lines.length - 1].length + 1} ('${ch}') cannot come there` : `character ${lo + 1} ('${ch}') cannot come there`;
};

/** jsonMistake's words in Chinese. */
export const jsonMistakeZh = (mistake: string): string => {
  const at = /^(?:character (\d+)|line (\d+), column (\d+)) \('(.*)'\) cannot come there$/.exec(mistake);
  if (at) return `${at[1] ? `第 ${at[1]} 个字符` : `第 ${at[2]} 行第 ${at[3]} 列`}（'${at[4]}'）不能出现在这里`;
  if (mistake === 'it ends in the middle of a value') return '内容在一个值的中间就结束了';
  if (mistake === 'it is empty') return '内容为空';
  return mistake;
};
