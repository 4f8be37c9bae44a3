// Command scope, generated from the catalog and the authorization matrix: every command, for every
// role that may send it, with valid data inside the caller's scope → 201 and outside → 403 (nothing
// appended). A rep reaches its own data only (a teammate's is outside); a manager its own team's.
// A command without a case in commandScopeCases.ts fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import { commandSpecs } from '../../core/catalog';
import { ROLES, type Role } from '../../core/shared/command';
import { commandAccess } from '../../server/http/security/matrix';
import { testTally, type TestTally } from '../support/app';
import { SCOPE_CASES, SIDES, seedWorld, sendOk, type Lookup, type ScopeCase, type Sent, type Side } from './commandScopeCases';

/** Who sends: the manager of T-1 and the rep R-1 (see WORLD). */
const CALLER: Record<Role, [string, string?]> = { admin: ['admin'], manager: ['M-1', 'T-1'], rep: ['R-1'], viewer: ['portal'] };

/** For each reach a role has: the sides inside its scope, and those outside. */
const SIDES_OF = {
  all: { inside: [SIDES['R-3']], outside: [] },
  'own-team': { inside: [SIDES['R-2']], outside: [SIDES['R-3']] },
  'own-rep': { inside: [SIDES['R-1']], outside: [SIDES['R-2'], SIDES['R-3']] },
} as const satisfies Record<string, { inside: readonly Side[]; outside: readonly Side[] }>;

/** The caller's own side and one beyond its reach, for the cases that mix them. */
const OWN_AND_FOREIGN: Record<'manager' | 'rep', [Side, Side]> = { manager: [SIDES['R-2'], SIDES['R-3']], rep: [SIDES['R-1'], SIDES['R-2']] };

describe('command scope, for every command in the catalog', () => {
  let t: TestTally;
  let admin: string;
  const tokens = {} as Record<Role, string>;
  let counter = 100; // case ids (T-101, O-102 …) never meet the company's own (T-1, O-1 …)
  const look: Lookup = {
    get: async <T>(path: string) => {
      const r = await t.get(path, admin);
      if (r.status !== 200) throw new Error(`GET ${path} → ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };

  beforeAll(async () => {
    t = await testTally({ env: { TALLY_RATE_LIMIT: '0' } });
    admin = await t.token('admin');
    for (const role of ROLES) tokens[role] = await t.token(role, ...CALLER[role]);
    await seedWorld(t, admin);
  });

  /** Make what the case acts on (as the admin), then send the command as `role`. */
  const send = async (type: string, role: Role, given: (n: string) => readonly Sent[], dataOf: (n: string) => unknown) => {
    const n = String(++counter);
    for (const [gType, gData] of given(n)) await sendOk(t, gType, gData, admin);
    const data = await dataOf(n);
    const before = t.deps.projections.position;
    const r = await t.post(type, data, tokens[role]);
    return { status: r.status, body: await r.json(), before, data };
  };
  const onSide = (type: string, c: ScopeCase, side: Side, role: Role) => send(type, role, (n) => c.given?.(side, n) ?? [], (n) => c.data(side, n, look));

  const PROBLEM = { 403: '/problems/forbidden', 404: '/problems/not-found' } as const;
  const refused = (r: Awaited<ReturnType<typeof send>>, what: string, status: 403 | 404 = 403): string[] => {
    if (r.status !== status || r.body.type !== PROBLEM[status]) return [`${what} → ${r.status} ${r.body.type} ${r.body.detail} (expected ${status}) ${JSON.stringify(r.data)}`];
    return t.deps.projections.position === r.before ? [] : [`${what}: refused, yet something was appended`];
  };

  it('has a case for every command in the catalog, and none for a command it no longer has', () => {
    const types = commandSpecs.map((s) => s.type);
    expect(types.filter((type) => !SCOPE_CASES[type]), 'commands without a scope case in test/security/commandScopeCases.ts').toEqual([]);
    expect(Object.keys(SCOPE_CASES).filter((type) => !types.includes(type))).toEqual([]);
  });

  for (const spec of commandSpecs)
    it(`${spec.type}: accepted inside the caller's scope, 403 outside it, for every role that may send it`, async () => {
      const c = SCOPE_CASES[spec.type];
      expect(c, `no scope case for ${spec.type}: add one to test/security/commandScopeCases.ts`).toBeDefined();
      const wrong: string[] = [];
      for (const role of ROLES) {
        const access = commandAccess(spec, role);
        if (access === 'denied') continue;
        for (const side of SIDES_OF[access].inside) {
          const r = await onSide(spec.type, c, side, role);
          if (r.status !== 201) wrong.push(`${role} on ${side.rep}'s data → ${r.status} ${r.body.detail} (expected 201: inside, ${access})`);
          // who did it is in every event it appended
          else for (const e of r.body.events as { meta: { actor: string } }[]) if (e.meta.actor !== CALLER[role][0]) wrong.push(`${role} on ${side.rep}'s data: event by ${e.meta.actor}`);
        }
        for (const side of SIDES_OF[access].outside) wrong.push(...refused(await onSide(spec.type, c, side, role), `${role} on ${side.rep}'s data (${access})`));
      }
      for (const o of c.outside ?? []) {
        expect(commandAccess(spec, o.role), `${spec.type}: an outside case for a role that may not send it`).not.toBe('denied');
        const [own, foreign] = OWN_AND_FOREIGN[o.role];
        wrong.push(...refused(await send(spec.type, o.role, (n) => o.given?.(own, foreign, n) ?? [], (n) => o.data(own, foreign, n)), `${o.role}: ${o.why}`, o.status));
      }
      expect(wrong).toEqual([]);
    });
});
