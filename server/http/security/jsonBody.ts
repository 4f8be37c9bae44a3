// JSON request bodies are decoded as strict UTF-8 (a byte sequence that is not UTF-8 is a 400, not
// text silently mended with U+FFFD) and checked in one linear scan of the text before anything parses
// them: nesting at most MAX_JSON_DEPTH levels (decoders, canonical JSON and error messages all
// recurse, so a million '[' would overflow the stack in one of them), and no \u escape that
// leaves half a surrogate pair (RFC 8785 cannot hash such a string, so it could never be sealed).
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from '../problem';

export const MAX_JSON_DEPTH = 64;

export interface JsonScan {
  /** deepest nesting of arrays and objects (counting stops past `stopAt`) */
  readonly depth: number;
  /** a \u escape that is half a surrogate pair */
  readonly loneSurrogate: boolean;
}

const hex4 = (text: string, at: number): number => (/^[0-9a-fA-F]{4}$/.test(text.slice(at, at + 4)) ? parseInt(text.slice(at, at + 4), 16) : -1);
const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

export const scanJson = (text: string, stopAt = Infinity): JsonScan => {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 34 /* " */) inString = false;
      else if (ch === 92 /* \ */) {
        if (text.charCodeAt(i + 1) !== 117 /* u */) i++;
        else {
          const unit = hex4(text, i + 2);
          if (isLow(unit)) return { depth: max, loneSurrogate: true };
          if (isHigh(unit)) {
            if (text.charCodeAt(i + 6) !== 92 || text.charCodeAt(i + 7) !== 117 || !isLow(hex4(text, i + 8))) return { depth: max, loneSurrogate: true };
            i += 6; // the low half is part of this pair
          }
          i += 5;
        }
      }
    } else if (ch === 34) inString = true;
    else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > max && (max = depth) > stopAt) return { depth: max, loneSurrogate: false };
    } else if (ch === 93 /* ] */ || ch === 125 /* } */) depth--;
  }
  return { depth: max, loneSurrogate: false };
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const refuse = (message: string) => HttpProblem.of(400, 'Invalid input', `the JSON body ${message}`, { errors: [{ path: '(body)', message }] });

/** A JSON body's text: strict UTF-8, nested at most MAX_JSON_DEPTH, no half surrogate pair; else the 400 that says which. */
export const jsonBodyText = (bytes: ArrayBuffer | Uint8Array): string => {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw refuse('is not valid UTF-8: it holds a byte sequence that is no character');
  }
  const scan = scanJson(text, MAX_JSON_DEPTH);
  if (scan.depth > MAX_JSON_DEPTH) throw refuse(`nests deeper than ${MAX_JSON_DEPTH} levels`);
  if (scan.loneSurrogate) throw refuse('holds a \\u escape that is half a surrogate pair, which is not text');
  return text;
};

export const jsonBodyGuard = (): MiddlewareHandler => async (c, next) => {
  if (c.req.method === 'POST' && /json/i.test(c.req.header('content-type') ?? '')) {
    const text = jsonBodyText(await c.req.arrayBuffer());
    // the route's c.req.text() / json() take this text from Hono's body cache; holding only the
    // bytes, Hono would decode them again through a new web Response (about 6 % of a command's CPU)
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text); // Hono keeps its reads there as promises
  }
  return next();
};
