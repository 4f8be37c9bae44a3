// `tally import` of a `tally export` file: sealed events appended verbatim (positions, hashes and
// recorded times kept) into an empty store — or onto a store holding a prefix of the same export,
// so an interrupted import resumes — then the store's chain and keys are verified against the file.
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import { verifyLog } from '../audit/verifyLog';
import { loadConfigWithoutSecret } from '../config';
import { ChainVerifier } from '../store/hashChain';
import type { EventStore, SealedAppend } from '../store/port';
import { SealedMismatchError } from '../store/sealed';
import { openStore } from '../store/select';
import { flag, type Args } from './args';
import { CommandGrouper, isSealedEvent } from './sealedFormat';

/** Does the file's first non-empty line hold a sealed event (rather than a command)? */
export const startsWithSealedEvent = async (file: string): Promise<boolean> => {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      if (line.trim() === '') continue;
      try {
        return isSealedEvent(JSON.parse(line));
      } catch {
        return false;
      }
    }
    return false;
  } finally {
    rl.close();
  }
};

class ImportFailed extends Error {}

export const importSealed = async (file: string, a: Args): Promise<number> => {
  const dryRun = a.flags.has('dry-run');
  const batchSize = Math.max(1, Math.min(100_000, Number(flag(a, 'batch') ?? 1000)));
  const config = loadConfigWithoutSecret(process.env, { TALLY_DEMO: '0' });
  const store = dryRun ? undefined : await openStore(config.store);
  if (store && !store.appendSealed) {
    await store.close();
    console.error(`tally import: the ${store.kind} store cannot take sealed events`);
    return 2;
  }
  const t0 = performance.now();
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'import [{bar}] {percentage}% | {value}/{total} bytes', stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(statSync(file).size, 0);
  const fileChain = new ChainVerifier();
  const keys = new Map<string, string>();
  let appended = 0;
  try {
    const head = store ? await store.head() : { position: 0, hash: '' };
    let prefixSeen = head.position === 0;
    const grouper = new CommandGrouper();
    let pending: SealedAppend[] = [];
    const flush = async () => {
      // On a resumed import, what the store already holds is skipped.
      const fresh = pending.filter((c) => c.events.length > 0 && c.events[c.events.length - 1].position > head.position);
      pending = [];
      for (const c of fresh) if (c.idempotency) keys.set(c.idempotency.key, c.events.map((e) => e.position).join(','));
      if (store && fresh.length > 0) await store.appendSealed!(fresh);
      appended += fresh.reduce((n, c) => n + c.events.length, 0);
    };
    let lineNo = 0;
    let bytes = 0;
    const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const raw of rl) {
      lineNo++;
      bytes += Buffer.byteLength(raw) + 1;
      if (raw.trim() === '') continue;
      let line: unknown;
      try {
        line = JSON.parse(raw);
      } catch (e) {
        throw new ImportFailed(`line ${lineNo} is not JSON: ${(e as Error).message}`);
      }
      if (!grouper.push(line)) throw new ImportFailed(`line ${lineNo} is neither a sealed event nor the idempotency record of the command before it`);
      if (isSealedEvent(line)) {
        if (!fileChain.push(line)) throw new ImportFailed(`the export itself is broken at position ${fileChain.result().badPosition}: ${fileChain.result().reason}`);
        if (line.position === head.position) {
          if (line.hash !== head.hash) throw new ImportFailed(`the store is not empty (${head.position} events) and does not hold the start of this export: sealed import needs an empty store`);
          prefixSeen = true;
        }
      }
      pending.push(...grouper.take());
      if (pending.length >= batchSize) {
        await flush();
        bar?.update(bytes);
      }
    }
    pending.push(...grouper.finish());
    await flush();
    bar?.update(bytes);
    bar?.stop();
    if (!prefixSeen) throw new ImportFailed(`the store holds ${head.position} events, more than this export: sealed import needs an empty store`);
    const seconds = (performance.now() - t0) / 1000;
    const exported = fileChain.result();
    const what = `${exported.count} events, ${keys.size} idempotency keys`;
    if (!store) {
      console.log(`dry run: ${what}; the export's chain is intact, head ${exported.head}`);
      return 0;
    }
    const resumed = head.position > 0 ? ` (resumed after position ${head.position})` : '';
    console.log(`imported ${appended} events${resumed} in ${seconds.toFixed(1)} s (${Math.round(appended / Math.max(seconds, 1e-9))} events/s)`);
    return await verifyAgainst(store, exported.count, exported.head, keys, what);
  } catch (e) {
    bar?.stop();
    if (e instanceof ImportFailed || e instanceof SealedMismatchError) {
      console.error(`tally import: ${e.message}${appended > 0 ? ` (${appended} events were imported before; run the same import again to resume)` : ''}`);
      return 1;
    }
    throw e;
  } finally {
    await store?.close();
  }
};

/** After the import: the store's chain is intact and ends where the export ends, every key is there. */
const verifyAgainst = async (store: EventStore, count: number, head: string, keys: ReadonlyMap<string, string>, what: string): Promise<number> => {
  const check = await verifyLog(store);
  let missing = 0;
  for (const [key, positions] of keys) if ((await store.findIdempotency(key))?.positions.join(',') !== positions) missing++;
  if (check.ok && check.count === count && check.head === head && missing === 0) {
    console.log(`verified: ${what}; chain intact, head ${head} as in the export`);
    return 0;
  }
  const why = !check.ok ? `the chain breaks at position ${check.badPosition}: ${check.reason}` : check.count !== count || check.head !== head ? `the store ends at ${check.count} (${check.head}), the export at ${count} (${head})` : `${missing} idempotency keys are missing`;
  console.error(`tally import: verification FAILED: ${why}`);
  return 1;
};
