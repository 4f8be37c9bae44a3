// Who is on the other end of the connection. An embed (viewer) token is shared by everyone who
// opens the intranet page, so its limits are counted per browser address, not per token.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../env';

export const remoteAddress = (c: Context<AppEnv>): string => {
  try {
    return getConnInfo(c).remote.address ?? '';
  } catch {
    return ''; // in-process requests (tests) have no socket
  }
};

/** The key a caller's limits are counted under: the token's subject, and for viewers the address too. */
export const limitKey = (c: Context<AppEnv>, base: string): string => {
  const actor = c.get('actor');
  return actor?.role === 'viewer' ? limitKeyAt(base, remoteAddress(c)) : base;
};

/** limitKey for a viewer whose address is known (the cached-read fast path reads the socket itself). */
export const limitKeyAt = (base: string, address: string): string => `${base}\u0000${address}`;
