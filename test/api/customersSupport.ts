// For the CRM API tests: send a command that must be accepted (a refusal fails the setup loudly).
import type { TestTally } from '../support/app';

export const accepted = (t: TestTally, token: () => string) => async (type: string, data: unknown, as = token()) => {
  const r = await t.post(type, data, as);
  if (r.status !== 201) throw new Error(`${type}: ${r.status} ${await r.text()}`);
};
