// QA: `npx tally token` as the README shows it — a manager's token needs a subject as well as a
// team, and the message says so for a manager instead of talking about reps.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../server/cli/token';

let errors: string[];
let outputs: string[];
beforeEach(() => {
  errors = [];
  outputs = [];
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void outputs.push(a.join(' ')));
  vi.stubEnv('TALLY_JWT_SECRET', 'q'.repeat(40));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('tally token for a manager', () => {
  it('given only --team, when minting, then it asks for --sub in a manager’s words', async () => {
    expect(await run(['--role', 'manager', '--team', 'T-EAST'])).toBe(2);
    expect(errors.join('\n')).toContain('--sub');
    expect(errors.join('\n')).toContain('manager');
    expect(errors.join('\n')).not.toContain("a rep's sub");
  });

  it('given --sub and --team, when minting, then it prints a token carrying both', async () => {
    expect(await run(['--role', 'manager', '--sub', 'M-EAST', '--team', 'T-EAST'])).toBe(0);
    const claims = JSON.parse(Buffer.from(outputs[0].split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ role: 'manager', sub: 'M-EAST', team: 'T-EAST' });
  });
});
