// tally verify: recompute the hash chain from the store, then hold every idempotency record against
// it; exit 1 naming the first bad position or key. With TALLY_CHECKPOINT_KEY set, also compare the
// log with the last signed checkpoint (so a cut tail is found too) and, when all is well, sign a new
// one at the head. Without a checkpoint file it signs the first one only when told to
// (`--init-checkpoint`): a missing file may be a deleted one, and signing then would bless a log
// cut short or rewritten since.
import { existsSync } from 'node:fs';
import { checkAgainst, checkpointFileOf, checkpointKeyOf, isAuthentic, keysDigest, readCheckpoint, signCheckpoint, writeCheckpoint } from '../audit/checkpoint';
import { verifyKeys } from '../audit/verifyKeys';
import { verifyLog } from '../audit/verifyLog';
import { openExistingStore } from '../store/select';
import { parseArgs } from './args';

export const run = async (argv: string[] = []): Promise<number> => {
  const initCheckpoint = parseArgs(argv).flags.get('init-checkpoint') === true;
  const spec = process.env.TALLY_STORE || 'sqlite:./data/tally.db';
  const key = checkpointKeyOf(process.env);
  const file = checkpointFileOf(spec, process.env);
  // Opening a missing SQLite file would create an empty log, and an empty chain is "intact".
  const store = await openExistingStore(spec, 'tally verify');
  try {
    const t0 = performance.now();
    const r = await verifyLog(store);
    if (!r.ok) {
      console.error(`FAILED at position ${r.badPosition}: ${r.reason} (${r.count} events before it are intact)`);
      return 1;
    }
    const keys = await verifyKeys(store);
    if (!keys.ok) {
      console.error(`FAILED: ${keys.reason} (the chain itself is intact: ${r.count} events)`);
      return 1;
    }
    const s = ((performance.now() - t0) / 1000).toFixed(2);
    console.log(`ok: ${r.count} events, chain intact, head ${r.head}; ${keys.keys} idempotency keys ${keys.listed ? 'each bound to its command' : 'found on their commands (this store keeps them in its own log)'} (${s} s)`);
    if (!key || !file) {
      const unchecked = file && existsSync(file) ? ` (the checkpoint in ${file} was not checked)` : '';
      console.log(`no signed checkpoint: set TALLY_CHECKPOINT_KEY (on a durable store) to detect a log cut short at its tail${unchecked}`);
      return 0;
    }
    const previous = readCheckpoint(file);
    if (previous) {
      if (!isAuthentic(key, previous)) {
        console.error(`FAILED: the checkpoint in ${file} is not signed with TALLY_CHECKPOINT_KEY (edited, or signed with another key)`);
        return 1;
      }
      const check = await checkAgainst(store, previous);
      if (!check.ok) {
        console.error(`FAILED at position ${check.badPosition}: ${check.reason}`);
        return 1;
      }
      console.log(`checkpoint of ${previous.signedAt} (position ${previous.position}) still holds`);
    } else if (!initCheckpoint) {
      console.error(`REFUSED: no checkpoint in ${file}. If this is the first signed verify of this log, run \`tally verify --init-checkpoint\`; if a checkpoint was there before, it was removed, and signing now would bless whatever the log holds — restore it from your copy instead.`);
      return 1;
    }
    const next = signCheckpoint(key, r.count, r.head, new Date().toISOString(), await keysDigest(store, r.count));
    writeCheckpoint(file, next);
    console.log(`signed checkpoint: position ${next.position}, head ${next.hash} → ${file}`);
    console.log('  keep a copy elsewhere too: a checkpoint deleted or rolled back together with the log proves nothing');
    return 0;
  } finally {
    await store.close();
  }
};
