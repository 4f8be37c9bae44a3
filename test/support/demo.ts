// The demo company loaded into a test Tally, as it stands on the morning of 2 December 2026 (the
// issues' reproductions were made then; the demo is built up to the test clock), with an admin token.
import { expect } from 'vitest';
import { loadDemo } from '../../server/demo/load';
import { testTally, type TestTally } from './app';

export const demoTally = async (now = '2026-12-02T10:00:00+08:00'): Promise<{ t: TestTally; admin: string }> => {
  const t = await testTally({ now });
  await loadDemo(t.deps, new Date(now), t.deps.config.zone);
  return { t, admin: await t.token('admin') };
};

/** GET a path with a token, expecting 200 (a failure names the path), and its JSON. */
export const okJson = async (t: TestTally, token: string, path: string) => {
  const r = await t.get(path, token);
  expect(r.status, path).toBe(200);
  return r.json();
};
