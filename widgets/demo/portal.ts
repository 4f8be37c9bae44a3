// The demo intranet page: a mock company portal, served from its own origin, that embeds
// every widget from the Tally server the way a portal admin would (a script tag and the
// elements), plus a button that records a random sale so the leaderboard can be seen moving, a
// date picker that shows every widget as of a past day, and a language switch.

export interface PortalOptions {
  /** Where the bundle is, e.g. `http://localhost:8787/widgets/tally.js`. */
  bundleUrl: string;
  /** The Tally server's base URL. */
  api: string;
  /** Read-only embed token (role `viewer`) for goals, leaderboard and review. */
  viewerToken: string;
  /** A manager's token for the review panel instead, so its manager controls (action items, lessons) show. */
  reviewToken?: string;
  /** A rep's token, for their own payout statement. */
  repToken?: string;
  repId?: string;
  period: string;
  goalId?: string;
  /** Used when no goalId is given: `company`, `team:ID` or `rep:ID`. */
  owner?: string;
  team?: string;
  lang?: string;
  /** CSP nonce for the page's inline script */
  nonce?: string;
  /**
   * Enables the time-travel control and the language switch: today's date (the picker's last day);
   * `date` is the day chosen, shown through `asOf` (the end of that day) on every widget.
   */
  travel?: { today: string; date?: string; asOf?: string };
  /** Enables the "record a random sale" button. */
  sale?: { token: string; repIds: string[]; customerIds: string[]; products?: string[]; occurredAt?: string };
  company?: string;
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const attrs = (a: Record<string, string | undefined>): string =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${esc(v!)}"`)
    .join('');

/** JSON that is safe inside a <script> element. */
const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c');

export function portalPage(o: PortalOptions): string {
  const lang = o.lang ?? 'zh-CN';
  const zh = lang.startsWith('zh');
  const asOf = o.travel?.asOf;
  const common = { api: o.api, token: o.viewerToken, 'as-of': asOf };
  const goal = o.goalId ? { goal: o.goalId } : { owner: o.owner ?? 'company', period: o.period };
  const words = zh
    ? { portal: '内部门户', home: '首页', news: '公告', people: '通讯录', sales: '销售看板', mine: '我的薪酬', record: '记录一笔随机销售', hint: '演示：向 Tally 写入一笔销售，排行榜会实时变化。', travel: '查看某日的数据', view: '查看', today: '回到今天', asOf: (d: string) => `${d} 当日所知的数据`, language: '语言' }
    : { portal: 'Intranet', home: 'Home', news: 'News', people: 'People', sales: 'Sales dashboard', mine: 'My pay', record: 'Record a random sale', hint: 'Demo: writes a sale to Tally; watch the leaderboard move.', travel: 'View the data of a day', view: 'View', today: 'Back to today', asOf: (d: string) => `as known on ${d}`, language: 'Language' };
  const travel = o.travel;
  const chosen = travel?.date && travel.date !== travel.today ? travel.date : undefined;
  const link = (q: Record<string, string | undefined>) => `?${new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined)).toString()}`;
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(o.company ?? (zh ? '星辰科技' : 'Stellar Tech'))} · ${words.portal}</title>
<style>
  body { margin: 0; font-family: system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif; background: #eef2f6; color: #1f2937; }
  .top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding: 12px 24px; background: #0f3d5e; color: #fff; }
  .top strong { font-size: 18px; }
  .top nav { display: flex; gap: 16px; font-size: 14px; }
  .top nav a { color: #dbeafe; text-decoration: none; }
  main { max-width: 1180px; margin: 0 auto; padding: 20px 16px 40px; }
  h1 { font-size: 20px; margin: 0 0 16px; }
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(440px, 100%), 1fr)); gap: 20px; align-items: start; }
  .grid > section { display: grid; gap: 20px; min-width: 0; }
  h2.portlet { font-size: 15px; margin: 0 0 -12px; color: #0f3d5e; }
  /* The portal's colours, set on the elements through the widgets' custom properties. */
  tally-goal-tracker, tally-leaderboard, tally-review-panel, tally-payout-statement {
    --tally-color-accent: #0f5c8c; --tally-radius: 6px; --tally-color-highlight: #fff4cc;
  }
  .demo { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin: 0 0 16px; font-size: 14px; }
  .demo button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 0; background: #0f5c8c; color: #fff; cursor: pointer; }
  .demo #sale-status { flex: 1 1 220px; min-width: 0; }
  .travel { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; margin: 0; }
  .travel input { font: inherit; padding: 4px 6px; border: 1px solid #9ca3af; border-radius: 6px; background: #fff; }
  .travel button { background: #fff; color: #0f5c8c; border: 1px solid #0f5c8c; }
  .demo a { color: #0f5c8c; }
  .langs { display: flex; gap: 4px; margin-left: auto; }
  .langs a { padding: 4px 10px; border-radius: 6px; border: 1px solid #0f5c8c; text-decoration: none; }
  .langs a[aria-current] { background: #0f5c8c; color: #fff; }
  .as-of { font-size: 14px; font-weight: normal; color: #92400e; background: #fff4cc; padding: 2px 8px; border-radius: 6px; white-space: nowrap; }
</style>
<script type="module" src="${esc(o.bundleUrl)}"></script>
</head>
<body>
<header class="top"><strong>${esc(o.company ?? (zh ? '星辰科技' : 'Stellar Tech'))}</strong>
  <nav aria-label="${words.portal}"><a href="#">${words.home}</a><a href="#">${words.news}</a><a href="#">${words.people}</a><a href="#" aria-current="page">${words.sales}</a></nav>
</header>
<main>
  <h1>${words.sales} · ${esc(o.period)}${chosen ? ` <span class="as-of">${esc(words.asOf(chosen))}</span>` : ''}</h1>
  ${o.sale || travel ? `<div class="demo">
    ${o.sale ? `<button type="button" id="record-sale">${words.record}</button><span id="sale-status" role="status">${words.hint}</span>` : ''}
    ${travel ? `<form class="travel" method="get" action="">
      <label for="travel-date">${words.travel}</label>
      <input type="date" id="travel-date" name="date" value="${esc(chosen ?? travel.today)}" max="${esc(travel.today)}" required>
      <input type="hidden" name="lang" value="${esc(lang)}">
      <button type="submit">${words.view}</button>
      ${chosen ? `<a href="${esc(link({ lang }))}">${words.today}</a>` : ''}
    </form>
    <nav class="langs" aria-label="${words.language}">${[['zh-CN', '中文'], ['en', 'English']].map(([l, name]) => `<a href="${esc(link({ lang: l, date: chosen }))}" lang="${l}" hreflang="${l}"${l === lang ? ' aria-current="true"' : ''}>${name}</a>`).join('')}</nav>` : ''}
  </div>` : ''}
  <div class="grid">
    <section>
      <tally-goal-tracker${attrs({ ...common, ...goal })}></tally-goal-tracker>
      <tally-leaderboard${attrs({ ...common, period: o.period, me: o.repId })}></tally-leaderboard>
    </section>
    <section>
      <tally-review-panel${attrs({ ...common, token: o.reviewToken ?? o.viewerToken, period: o.period, team: o.team })}></tally-review-panel>
      ${o.repToken && o.repId ? `<h2 class="portlet">${words.mine}</h2>\n      <tally-payout-statement${attrs({ api: o.api, token: o.repToken, rep: o.repId, period: o.period, 'as-of': asOf })}></tally-payout-statement>` : ''}
    </section>
  </div>
</main>
${o.sale ? `<script type="application/json" id="demo-config">${scriptJson({ api: o.api, ...o.sale })}</script>
<script type="module"${o.nonce ? ` nonce="${esc(o.nonce)}"` : ''}>
  const cfg = JSON.parse(document.getElementById('demo-config').textContent);
  const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
  const status = document.getElementById('sale-status');
  document.getElementById('record-sale').addEventListener('click', async () => {
    const orderId = 'DEMO-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
    const amount = 100 * (500 + Math.floor(Math.random() * 20000));
    const data = { orderId, customerId: pick(cfg.customerIds), repId: pick(cfg.repIds),
      lines: [{ product: pick(cfg.products ?? ['DEMO']), units: 1, amount }], occurredAt: cfg.occurredAt ?? new Date().toISOString() };
    const res = await fetch(cfg.api.replace(/\\/+$/, '') + '/api/commands', { method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + cfg.token, 'Idempotency-Key': orderId },
      body: JSON.stringify({ type: 'RecordSale', data }) });
    status.textContent = res.ok ? orderId + ' → ' + data.repId : (await res.json().catch(() => ({}))).detail ?? res.statusText;
  });
</script>` : ''}
</body>
</html>
`;
}
