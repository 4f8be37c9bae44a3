// JSON request bodies may nest at most MAX_JSON_DEPTH levels. Decoders, canonical JSON and error
// messages all recurse over a body, so a body of a million '[' would overflow the stack in one of
// them; one linear scan of the raw text refuses it first, before anything parses it.
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from '../problem';

export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in JSON text (strings skipped); stops counting past `stopAt`. */
export const jsonDepth = (text: string, stopAt = Infinity): number => {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > max && (max = depth) > stopAt) return max;
    } else if (ch === 93 /* ] */ || ch === 125 /* } */) depth--;
  }
  return max;
};

export const jsonDepthLimit = (): MiddlewareHandler => async (c, next) => {
  if (c.req.method === 'POST' && /json/i.test(c.req.header('content-type') ?? '')) {
    // Hono keeps the text, so the route's own parse reads it again without another read
    if (jsonDepth(await c.req.text(), MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
      throw HttpProblem.of(400, 'Invalid input', `the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`, { errors: [{ path: '(body)', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }] });
  }
  return next();
};
