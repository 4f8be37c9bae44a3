// Compressed answers: JSON (and problem+json) of at least MIN_COMPRESSED_BYTES goes out as brotli or
// gzip, whichever the client's Accept-Encoding prefers (brotli on a tie), with Vary: Accept-Encoding.
// Smaller answers are not worth a frame of their own. The live stream (text/event-stream) is never
// touched: a compressor would hold its messages back until a block filled.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { isCompleteAnswer } from './security/headers';

export type Coding = 'br' | 'gzip';

/** Bytes of an answer (zlib's Buffers are never shared memory). */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Below this many bytes an answer goes out as it is. */
export const MIN_COMPRESSED_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * `fast` for answers made per request (brotli quality 5 compresses JSON about as well as gzip -9 at
 * a fraction of quality 11's time), `max` for what is compressed once (the widget bundle).
 */
export const compress = async (bytes: Uint8Array, coding: Coding, effort: 'fast' | 'max' = 'fast'): Promise<Bytes> =>
  (coding === 'br'
    ? await brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: effort === 'max' ? constants.BROTLI_MAX_QUALITY : 5,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
        },
      })
    : await gzipped(bytes, { level: effort === 'max' ? constants.Z_BEST_COMPRESSION : 6 })) as Bytes;

/** The coding a client accepts that we prefer: brotli, then gzip; none when it accepts neither (q=0 refuses one). */
export const preferredCoding = (acceptEncoding: string | undefined): Coding | undefined => {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    q.set(name.trim(), weight ? Number(weight[1]) : 1);
  }
  const of = (coding: Coding) => q.get(coding) ?? (q.get('*') ?? 0);
  const br = of('br');
  const gz = of('gzip');
  if (br > 0 && br >= gz) return 'br';
  return gz > 0 ? 'gzip' : undefined;
};

/** JSON answers may be compressed; streams and everything else go as they are. */
export const compressible = (contentType: string | null | undefined): boolean =>
  !!contentType && (contentType.startsWith('application/json') || contentType.startsWith('application/problem+json'));

/** Adds a value to a response's Vary unless it is there already. */
export const addVary = (headers: Headers, ...names: string[]): void => {
  const have = (headers.get('vary') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const add = names.filter((n) => !have.includes(n.toLowerCase()));
  if (add.length) headers.set('vary', [...(headers.get('vary') ? [headers.get('vary')] : []), ...add].join(', '));
};

/**
 * Compresses every JSON answer that is not compressed yet (the answer cache compresses its own once
 * per entry, and leaves one under 1 kB as it is). A HEAD, a 204 or a 304 has no body to compress.
 */
export const compressAnswers = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (isCompleteAnswer(c.res)) return; // the answer cache's: coded once per entry
  const coding = preferredCoding(c.req.header('accept-encoding'));
  // a client that accepts no coding costs nothing more; the identity answer it gets suits anyone
  if (!coding) return;
  const res = c.res;
  // an answer with an ETag was made by what knows its bytes (the answer cache, the bundle) and coded there;
  // headers first: asking for the body makes the Node adapter build a whole web Response
  if (c.req.method === 'HEAD' || res.status === 204 || res.status === 304 || res.headers.has('content-encoding') || res.headers.has('etag')) return;
  if (!compressible(res.headers.get('content-type')) || !res.body) return;
  const bytes = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  let body: Bytes = bytes;
  if (bytes.byteLength >= MIN_COMPRESSED_BYTES) {
    body = await compress(bytes, coding);
    headers.set('content-encoding', coding);
    addVary(headers, 'Accept-Encoding');
  }
  headers.delete('content-length');
  c.res = undefined;
  c.res = new Response(body, { status: res.status, headers });
};
