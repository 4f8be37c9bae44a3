// tally verify: recompute the hash chain from the store; exit 1 naming the first bad position.
import { verifyLog } from '../audit/verifyLog';
import { openStore } from '../store/select';

export const run = async (): Promise<number> => {
  const store = await openStore(process.env.TALLY_STORE || 'sqlite:./data/tally.db');
  try {
    const t0 = performance.now();
    const r = await verifyLog(store);
    const s = ((performance.now() - t0) / 1000).toFixed(2);
    if (r.ok) {
      console.log(`ok: ${r.count} events, chain intact, head ${r.head} (${s} s)`);
      return 0;
    }
    console.error(`FAILED at position ${r.badPosition}: ${r.reason} (${r.count} events before it are intact)`);
    return 1;
  } finally {
    await store.close();
  }
};
