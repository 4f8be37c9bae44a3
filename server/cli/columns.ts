// Text laid out in a terminal's columns: CJK and other wide forms take two, so Chinese help and
// tables line up with English.

const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

/** Columns a terminal gives the text. */
export const columns = (s: string): number => s.length + (s.match(WIDE)?.length ?? 0);

export const padEnd = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - columns(s)));

export const padStart = (s: string, w: number): string => ' '.repeat(Math.max(0, w - columns(s))) + s;
