// tally replay [--json]: rebuild every read model from the log and report the speed.
// With --json the last line is {"events":N,"seconds":S,"eventsPerSecond":R}.
// tally replay --report review --period P [--as-of T]: a period's review as known then (reviewReport.ts).
import { allProjections } from '../../core/catalog';
import { World } from '../../core/fold/world';
import { loadConfigWithoutSecret } from '../config';
import { readAllPaged } from '../store/port';
import { openExistingStore } from '../store/select';
import { parseArgs } from './args';
import { runReviewReport } from './reviewReport';
import { readerLang } from './terminalLang';

export const run = async (argv: string[]): Promise<number> => {
  const a = parseArgs(argv);
  const lang = readerLang(a, 'replay');
  if (!lang) return 2;
  const config = loadConfigWithoutSecret();
  const store = await openExistingStore(config.store, 'tally replay');
  try {
    if (a.flags.has('report')) return await runReviewReport(a, config, store);
    const world = new World(allProjections, { zone: config.zone, currency: config.currency });
    const t0 = performance.now();
    for await (const page of readAllPaged(store, 0, 50_000)) for (const e of page) world.apply(e);
    const seconds = (performance.now() - t0) / 1000;
    const events = world.position;
    const summary = { events, seconds: Number(seconds.toFixed(3)), eventsPerSecond: Math.round(events / Math.max(seconds, 1e-9)) };
    if (a.flags.has('json')) console.log(JSON.stringify(summary));
    else if (lang === 'en') console.log(`replayed ${events} events into ${allProjections.length} read models in ${summary.seconds} s (${summary.eventsPerSecond} events/s)`);
    else console.log(`已把 ${events} 个事件重放到 ${allProjections.length} 个读模型，用时 ${summary.seconds} 秒（每秒 ${summary.eventsPerSecond} 个事件）`);
    return 0;
  } finally {
    await store.close();
  }
};
