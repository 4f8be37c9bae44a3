import { describe, expect, it } from 'vitest';
import { testTally } from '../support/app';

// An embed (viewer) token is pasted once into an intranet page and shared by every employee
// who opens it, so its stream cap and rate budget count per browser address, not per token.
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } } });

describe('limits of a shared embed token', () => {
  it('caps open streams per browser address for a viewer, per token for everyone else', async () => {
    const t = await testTally({ env: { TALLY_SSE_PER_TOKEN: '2' } });
    const viewer = await t.token('viewer');
    const open = (token: string, address: string) => t.app.request('/api/stream', { headers: { authorization: `Bearer ${token}` } }, from(address));
    const a = [await open(viewer, '10.0.0.1'), await open(viewer, '10.0.0.1')];
    expect(a.map((r) => r.status)).toEqual([200, 200]);
    expect((await open(viewer, '10.0.0.1')).status).toBe(429);
    expect((await open(viewer, '10.0.0.2')).status).toBe(200);
    const rep = await t.token('rep', 'R-1');
    expect((await open(rep, '10.0.0.3')).status).toBe(200);
    expect((await open(rep, '10.0.0.4')).status).toBe(200);
    expect((await open(rep, '10.0.0.5')).status).toBe(429);
  });
});
