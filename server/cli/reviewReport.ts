// `tally replay --report review --period P [--as-of T] [--team T] [--at T] [--json]`: the review
// of a period as it was known at a recorded moment — a table on a terminal, JSON otherwise; in
// the terminal's language (LANG) or --lang zh-CN|en.
import { formatMinor } from '../../core/customers/readModels/customers';
import type { Lang } from '../../core/incentives/calculate/describe';
import { directoryProjection } from '../../core/teams/readModels/directory';
import type { Review } from '../../core/views/review/compose';
import type { Contributor } from '../../core/views/review/contributors';
import type { KpiRow } from '../../core/views/review/kpis';
import type { ActionView } from '../../core/reviews/readModels/reviews';
import { isInstant } from '../../core/shared/codec';
import { acceptedPeriod, toMillis } from '../../core/shared/period';
import type { Config } from '../config';
import { label } from '../documents/words';
import { reviewIn } from '../http/answerWords';
import { reviewOf } from '../projections/reviewAt';
import { Projections } from '../projections/runner';
import type { EventStore } from '../store/port';
import { flag, type Args } from './args';
import { cliSaid } from './cliWords';
import { columns, padEnd, padStart } from './columns';
import { readerLang, terminalLang } from './terminalLang';

const fail = (message: string, lang: Lang): number => {
  console.error(`tally replay: ${cliSaid(message, lang)}`);
  return 2;
};

const money = (metric: string, v: number | null) => (v === null ? '–' : metric === 'revenue' ? formatMinor(v) : v.toLocaleString('en-US'));
const percent = (r: number | null, lang: Lang) => (r === null ? '–' : `${(r * 100).toFixed(1)}${lang === 'en' ? ' ' : ''}%`);
const signed = (metric: string, v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : ''}${money(metric, v)}`);


const table = (head: string[], rows: string[][]): string => {
  const widths = head.map((h, i) => Math.max(columns(h), ...rows.map((r) => columns(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? padEnd(c, widths[i]) : padStart(c, widths[i]))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};

/** The report's words: English, and Chinese for a zh-CN terminal or --lang zh-CN. */
const WORDS = {
  en: {
    title: (period: string, who: string) => `Review ${period} · ${who}`,
    company: 'company',
    known: (asOf: string | null, position: number, at: string) => `as known at ${asOf ?? 'now'} (log position ${position}); measured at ${at}`,
    head: ['KPI', 'target', 'actual', 'attainment', 'deviation', 'pace', 'forecast'],
    movers: 'Who moved revenue (against the previous period, or against their own goal):',
    actions: (o: number, d: number, v: number) => `Action items: ${o} open, ${d} done, ${v} overdue`,
    overdue: (days: number, id: string, title: string, owner: string | null, due: string) => `  overdue ${days} d  ${id}  ${title}  (${owner ?? 'no owner'}, due ${due})`,
    retro: 'Retrospective',
    lastRetro: (r: { meetingId: string; done: number; of: number } | null) => `  last retro ${r ? `${r.meetingId}: ${r.done} of ${r.of} action items done` : '–'}`,
    month: (meetingId: string | undefined, changes: string) => `${meetingId ? `at ${meetingId}` : '(no monthly review)'}: ${changes || 'unchanged since'}`,
    absent: (sections: string) => `Not in this build: ${sections}`,
  },
  'zh-CN': {
    title: (period: string, who: string) => `${period} 复盘 · ${who}`,
    company: '全公司',
    known: (asOf: string | null, position: number, at: string) => `截至${asOf ? ` ${asOf} ` : '现在'}所知（日志位置 ${position}）；按 ${at} 计量`,
    head: ['指标', '目标', '实际', '达成率', '偏差', '进度', '预测'],
    movers: '谁带动了销售额（对比上一期，或对比本人目标）：',
    actions: (o: number, d: number, v: number) => `行动项：进行中 ${o}，已完成 ${d}，已逾期 ${v}`,
    overdue: (days: number, id: string, title: string, owner: string | null, due: string) => `  逾期 ${days} 天  ${id}  ${title}  （${owner ?? '无负责人'}，截止 ${due}）`,
    retro: '回顾',
    lastRetro: (r: { meetingId: string; done: number; of: number } | null) => `  上次回顾 ${r ? `${r.meetingId}：行动项完成 ${r.done}/${r.of}` : '–'}`,
    month: (meetingId: string | undefined, changes: string) => `${meetingId ? `于 ${meetingId}` : '（无月度复盘）'}：${changes || '此后未变'}`,
    absent: (sections: string) => `本版本未含：${sections}`,
  },
} as const;

const LESSONS: Record<Lang, Record<'keep' | 'stop' | 'try', string>> = { en: { keep: 'keep', stop: 'stop', try: 'try' }, 'zh-CN': { keep: '保持', stop: '停止', try: '尝试' } };

export { terminalLang };

type Shown = Review & { asOf: string | null };

/** `repName`: a rep's name by its id, so an overdue item names its owner as people know them. */
export const renderReview = (r: Shown, lang: Lang = 'en', repName: (repId: string) => string | undefined = () => undefined): string => {
  const w = WORDS[lang];
  const kpis = r.kpis as KpiRow[];
  const metric = (m: string) => (lang === 'en' ? m : (label(lang, 'metric', m) ?? m));
  const out: string[] = [];
  out.push(w.title(r.period, r.team ? `${r.team.name} (${r.team.teamId})` : w.company));
  out.push(w.known(r.asOf, r.position, r.at), '');
  out.push(
    table(
      [...w.head],
      kpis.map((k) => [metric(k.metric), money(k.metric, k.target), money(k.metric, k.actual), percent(k.attainment, lang), signed(k.metric, k.deviation), (lang === 'en' ? k.pace : label(lang, 'pace', k.pace)) ?? '–', money(k.metric, k.forecast)]),
    ),
  );
  const revenue = kpis.find((k) => k.metric === 'revenue');
  if (revenue?.contributors) {
    out.push('', w.movers);
    for (const [what, list] of Object.entries(revenue.contributors))
      out.push(`  ${padEnd(lang === 'en' ? what : (label(lang, 'by', what) ?? what), 9)} ${(list as Contributor[]).slice(0, 3).map((c) => `${c.name ?? c.key} ${signed('revenue', c.deviation ?? c.change)}`).join(' · ') || '–'}`);
  }
  const items = (r.actionItems ?? []) as ActionView[];
  const counts = r.actionSummary as { open: number; done: number; overdue: number } | undefined;
  out.push('', w.actions(counts?.open ?? 0, counts?.done ?? 0, counts?.overdue ?? 0));
  const owner = (i: ActionView) => (i.ownerRepId ? (repName(i.ownerRepId) ?? i.ownerRepId) : (i.ownerColleague?.name ?? null));
  for (const i of items.filter((x) => x.overdue)) out.push(w.overdue(i.daysOverdue ?? 0, i.actionId, i.title, owner(i), i.due));
  const retro = (r as { retrospective?: { keep: { text: string }[]; stop: { text: string }[]; try: { text: string }[]; months: { period: string; meeting: { meetingId: string } | null; changes: { metric: string; then: number; now: number; delta: number }[] }[]; lastRetro: { meetingId: string; done: number; of: number } | null } }).retrospective;
  if (retro) {
    out.push('', w.retro);
    for (const kind of ['keep', 'stop', 'try'] as const) out.push(`  ${padEnd(LESSONS[lang][kind], 5)} ${retro[kind].map((l) => l.text).join(' · ') || '–'}`);
    out.push(w.lastRetro(retro.lastRetro));
    for (const m of retro.months)
      out.push(`  ${m.period} ${w.month(m.meeting?.meetingId, m.changes.map((c) => `${metric(c.metric)} ${money(c.metric, c.then)} → ${money(c.metric, c.now)}`).join(', '))}`);
  }
  const absent = r.absent;
  if (absent.length > 0) out.push('', w.absent(absent.map((a) => a.section).join(', ')));
  return out.join('\n');
};

export const runReviewReport = async (a: Args, config: Config, store: EventStore): Promise<number> => {
  const lang = readerLang(a, 'replay');
  if (!lang) return 2;
  const report = flag(a, 'report');
  if (report !== 'review') return fail(`--report ${report ?? ''}: the report this command knows is 'review'`, lang);
  const period = flag(a, 'period');
  const kind = period ? acceptedPeriod(period)?.kind : undefined;
  if (!period || !kind || !['month', 'quarter', 'year'].includes(kind)) return fail(`--period: a month (2026-06), a quarter (2026-Q2) or a year (2026) of 1900–2999, got '${period ?? ''}'`, lang);
  const asOf = flag(a, 'as-of');
  if (asOf !== undefined && !isInstant(asOf)) return fail(`--as-of: an ISO 8601 instant with offset (2026-06-30T18:00:00+08:00), got '${asOf}'`, lang);
  const at = flag(a, 'at') ?? asOf ?? new Date().toISOString();
  if (!isInstant(at)) return fail(`--at: an ISO 8601 instant with offset, got '${at}'`, lang);
  const projections = new Projections(store, { zone: config.zone, currency: config.currency });
  await projections.start();
  const world = asOf ? await projections.worldAt(projections.positionAt(toMillis(asOf))) : projections.world;
  const teamId = flag(a, 'team');
  if (teamId && !world.get(directoryProjection).teams.has(teamId)) return fail(`--team: unknown team '${teamId}'`, lang);
  const review: Shown = { asOf: asOf ?? null, ...reviewIn((await reviewOf(projections, world, { period, at, teamId, goalPolicy: config.goals })) as Review, lang, config.currency) };
  if (a.flags.has('json') || !process.stdout.isTTY) console.log(JSON.stringify(review));
  else console.log(renderReview(review, lang, (repId) => world.get(directoryProjection).reps.get(repId)?.name));
  return 0;
};
