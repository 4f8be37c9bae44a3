// Rows beyond SPEC §9, measured by the areas that own them: payout statements (test/bench/payouts.ts)
// and the EventStoreDB adapter on its in-memory test server (test/bench/esdb.ts — not an anchor:
// a real cluster adds fsync and replication). They carry no target; a failure is a row, not a stop.
import { measureEsdb } from './esdb';
import { payoutRows } from './payouts';
import { notAvailable, perSecond, type Row } from './table';

const failed = (what: string, e: unknown): Row => notAvailable(what, '—', `failed: ${(e as Error).message.split('\n')[0].slice(0, 160)}`);

export const extraRows = async (o: { esdbEvents: number; log: (s: string) => void }): Promise<Row[]> => {
  const rows: Row[] = [];
  o.log('payout statements (demo company)');
  rows.push(...(await payoutRows().catch((e) => [failed('payout statements', e)])));
  o.log(`EventStoreDB adapter on the test server, ${o.esdbEvents.toLocaleString('en-US')} events`);
  try {
    const f = await measureEsdb(o.esdbEvents);
    const row = (what: string, m: { perSecond: number }, floor: { perSecond: number } | undefined, floorWhat: string): Row => ({
      what: `ESDB test server: ${what}`,
      measured: perSecond(m.perSecond),
      target: '— (not an anchor)',
      floor: floor ? `${perSecond(floor.perSecond)} ${floorWhat}` : '—',
      ratio: floor ? m.perSecond / floor.perSecond : null,
      met: null,
    });
    rows.push(
      row('append, batches of 100 commands', f.appendBatches, f.appendFloor, 'bare client, 100 events an append'),
      row('append, 16 concurrent writers', f.appendConcurrent, f.appendFloor, 'bare client, 100 events an append'),
      row('open (index rebuild)', f.openIndex, f.readFloor, 'bare client read'),
      row('replay into every read model', f.replay, f.readFloor, 'bare client read'),
    );
  } catch (e) {
    rows.push(failed('ESDB test server', e));
  }
  return rows;
};
