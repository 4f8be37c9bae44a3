// The demo intranet page for `tally serve`: on its own port (another origin, which the API
// then allows by CORS) it embeds every widget with a viewer token, the statement with a rep's
// token, and the review panel and a button that records a sale with that team's manager's, so the
// panel offers the manager's controls (add an action item, mark it done, record a lesson). Whoever opens the page holds
// those tokens, so it listens on this machine only unless HOST says otherwise, and each page load
// gets tokens of its own that live an hour. It shows the demo's current month; `?date=YYYY-MM-DD`
// shows that day's month as it stood and was known at the end of that day, `?lang=en` in English.
import { DateTime } from 'luxon';
import { startDemoPortal, type DemoPortal } from '../../widgets/demo/serve';
import type { Config } from '../config';
import { mintToken } from '../http/auth';
import { pageCsp } from '../http/security/headers';
import { DEMO_PRODUCTS, DEMO_TEAMS, repIds } from './company';

export const PORTAL_TOKEN_TTL_SECONDS = 3600;

/** The page's language and day from its query: zh-CN unless `en`; a past day only, else today. */
export const portalView = (query: URLSearchParams, now: Date, zone: string) => {
  const lang = query.get('lang') === 'en' ? 'en' : 'zh-CN';
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const asked = DateTime.fromISO(query.get('date') ?? '', { zone });
  const day = /^\d{4}-\d{2}-\d{2}$/.test(query.get('date') ?? '') && asked.isValid && asked < today ? asked : undefined;
  return {
    lang,
    period: (day ?? today).toFormat('yyyy-MM'),
    travel: { today: today.toISODate()!, ...(day ? { date: day.toISODate()!, asOf: day.endOf('day').set({ millisecond: 0 }).toISO({ suppressMilliseconds: true })! } : {}) },
  };
};

/** Starts the page; `api()` is read per request, since the API's port may be known only later. */
export const startDemoIntranet = async (config: Config, api: () => string): Promise<DemoPortal> => {
  const team = DEMO_TEAMS[0];
  const reps = repIds().filter((_, i) => i % DEMO_TEAMS.length === 0); // the company deals reps to teams in turn
  const rep = reps[1]!;
  const ttlSeconds = Math.min(PORTAL_TOKEN_TTL_SECONDS, config.tokenMaxTtlSeconds);
  const page = async (query: URLSearchParams) => {
    const [viewerToken, repToken, managerToken] = await Promise.all([
      mintToken(config.jwtSecret, { sub: 'portal', role: 'viewer', ttlSeconds }),
      mintToken(config.jwtSecret, { sub: rep, role: 'rep', ttlSeconds }),
      mintToken(config.jwtSecret, { sub: team.managerId, role: 'manager', team: team.teamId, ttlSeconds }),
    ]);
    return {
      bundleUrl: `${api()}/widgets/tally.js`,
      api: api(),
      viewerToken,
      reviewToken: managerToken,
      repToken,
      repId: rep,
      ...portalView(query, config.demoNow ?? new Date(), config.zone),
      owner: 'company',
      team: team.teamId,
      sale: { token: managerToken, repIds: reps, customerIds: ['C-001', 'C-004', 'C-007', 'C-010'], products: DEMO_PRODUCTS.map((p) => p.product) },
    };
  };
  return startDemoPortal(config.demoPortalPort, page, config.demoPortalHost, (nonce, options) => {
    // scripts only from the API's origin (the bundle) and this response's inline script
    const origin = new URL(options.api).origin;
    return { 'content-security-policy': pageCsp({ scriptOrigins: [origin], connectOrigins: [origin], nonce }) };
  });
};
