// `tally replay --report review --period P [--as-of T] [--team T] [--at T] [--json]`: the review
// of a period as it was known at a recorded moment — a table on a terminal, JSON otherwise.
import { formatMinor } from '../../core/customers/readModels/customers';
import { directoryProjection } from '../../core/teams/readModels/directory';
import type { Review } from '../../core/views/review/compose';
import type { Contributor } from '../../core/views/review/contributors';
import type { KpiRow } from '../../core/views/review/kpis';
import type { ActionView } from '../../core/reviews/readModels/reviews';
import { isInstant } from '../../core/shared/codec';
import { acceptedPeriod, toMillis } from '../../core/shared/period';
import type { Config } from '../config';
import { reviewOf } from '../projections/reviewAt';
import { Projections } from '../projections/runner';
import type { EventStore } from '../store/port';
import { flag, type Args } from './args';

const fail = (message: string): number => {
  console.error(`tally replay: ${message}`);
  return 2;
};

const money = (metric: string, v: number | null) => (v === null ? '–' : metric === 'revenue' ? formatMinor(v) : v.toLocaleString('en-US'));
const percent = (r: number | null) => (r === null ? '–' : `${(r * 100).toFixed(1)} %`);
const signed = (metric: string, v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : ''}${money(metric, v)}`);

const table = (head: string[], rows: string[][]): string => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};

type Shown = Review & { asOf: string | null };

export const renderReview = (r: Shown): string => {
  const kpis = r.kpis as KpiRow[];
  const out: string[] = [];
  out.push(`Review ${r.period} · ${r.team ? `${r.team.name} (${r.team.teamId})` : 'company'}`);
  out.push(`as known at ${r.asOf ?? 'now'} (log position ${r.position}); measured at ${r.at}`, '');
  out.push(
    table(
      ['KPI', 'target', 'actual', 'attainment', 'deviation', 'pace', 'forecast'],
      kpis.map((k) => [k.metric, money(k.metric, k.target), money(k.metric, k.actual), percent(k.attainment), signed(k.metric, k.deviation), k.pace ?? '–', money(k.metric, k.forecast)]),
    ),
  );
  const revenue = kpis.find((k) => k.metric === 'revenue');
  if (revenue?.contributors) {
    out.push('', 'Who moved revenue (against the previous period, or against their own goal):');
    for (const [what, list] of Object.entries(revenue.contributors))
      out.push(`  ${what.padEnd(9)} ${(list as Contributor[]).slice(0, 3).map((c) => `${c.name ?? c.key} ${signed('revenue', c.deviation ?? c.change)}`).join(' · ') || '–'}`);
  }
  const items = (r.actionItems ?? []) as ActionView[];
  const counts = r.actionSummary as { open: number; done: number; overdue: number } | undefined;
  out.push('', `Action items: ${counts?.open ?? 0} open, ${counts?.done ?? 0} done, ${counts?.overdue ?? 0} overdue`);
  for (const i of items.filter((x) => x.overdue)) out.push(`  overdue ${i.daysOverdue} d  ${i.actionId}  ${i.title}  (${i.ownerRepId ?? 'no owner'}, due ${i.due})`);
  const retro = (r as { retrospective?: { keep: { text: string }[]; stop: { text: string }[]; try: { text: string }[]; months: { period: string; meeting: { meetingId: string } | null; changes: { metric: string; then: number; now: number; delta: number }[] }[]; lastRetro: { meetingId: string; done: number; of: number } | null } }).retrospective;
  if (retro) {
    out.push('', 'Retrospective');
    for (const kind of ['keep', 'stop', 'try'] as const) out.push(`  ${kind.padEnd(5)} ${retro[kind].map((l) => l.text).join(' · ') || '–'}`);
    out.push(`  last retro ${retro.lastRetro ? `${retro.lastRetro.meetingId}: ${retro.lastRetro.done} of ${retro.lastRetro.of} action items done` : '–'}`);
    for (const m of retro.months)
      out.push(`  ${m.period} ${m.meeting ? `at ${m.meeting.meetingId}` : '(no monthly review)'}: ${m.changes.map((c) => `${c.metric} ${money(c.metric, c.then)} → ${money(c.metric, c.now)}`).join(', ') || 'unchanged since'}`);
  }
  const absent = r.absent;
  if (absent.length > 0) out.push('', `Not in this build: ${absent.map((a) => a.section).join(', ')}`);
  return out.join('\n');
};

export const runReviewReport = async (a: Args, config: Config, store: EventStore): Promise<number> => {
  const report = flag(a, 'report');
  if (report !== 'review') return fail(`--report ${report ?? ''}: the report this command knows is 'review'`);
  const period = flag(a, 'period');
  const kind = period ? acceptedPeriod(period)?.kind : undefined;
  if (!period || !kind || !['month', 'quarter', 'year'].includes(kind)) return fail(`--period: a month (2026-06), a quarter (2026-Q2) or a year (2026) of 1900–2999, got '${period ?? ''}'`);
  const asOf = flag(a, 'as-of');
  if (asOf !== undefined && !isInstant(asOf)) return fail(`--as-of: an ISO 8601 instant with offset (2026-06-30T18:00:00+08:00), got '${asOf}'`);
  const at = flag(a, 'at') ?? asOf ?? new Date().toISOString();
  if (!isInstant(at)) return fail(`--at: an ISO 8601 instant with offset, got '${at}'`);
  const projections = new Projections(store, { zone: config.zone, currency: config.currency });
  await projections.start();
  const world = asOf ? await projections.worldAt(projections.positionAt(toMillis(asOf))) : projections.world;
  const teamId = flag(a, 'team');
  if (teamId && !world.get(directoryProjection).teams.has(teamId)) return fail(`--team: unknown team '${teamId}'`);
  const review: Shown = { asOf: asOf ?? null, ...((await reviewOf(projections, world, { period, at, teamId, goalPolicy: config.goals })) as Review) };
  if (a.flags.has('json') || !process.stdout.isTTY) console.log(JSON.stringify(review));
  else console.log(renderReview(review));
  return 0;
};
