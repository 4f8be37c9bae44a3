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
  return actor?.role === 'viewer' ? `${base}\u0000${remoteAddress(c)}` : base;
};
