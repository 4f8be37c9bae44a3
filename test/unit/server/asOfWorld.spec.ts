// An asOf World folds each read model (but the sales ledger, a view) from its own events the first
// time an answer reads it: a leaderboard pays for the directory, not for customers or reviews.
import { describe, expect, it } from 'vitest';
import { customersProjection } from '../../../core/customers/readModels/customers';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { salesLedgerProjection, totals } from '../../../core/ledger/salesLedger';
import { seedCompany, testTally } from '../../support/app';

describe('an asOf World', () => {
  it('folds a read model when first read, once, and only its events up to the position', async () => {
    const t = await testTally();
    const admin = await seedCompany(t); // positions 1–6: 2 teams, 3 reps, customer C-1
    await t.post('RegisterCustomer', { customerId: 'C-2', name: 'Bolt', ownerRepId: 'R-2' }, admin); // 7
    await t.post('RecordSale', { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'P', units: 1, amount: 500 }], occurredAt: '2026-11-20T10:00:00+08:00' }, admin); // 8
    await t.post('AddRep', { repId: 'R-4', name: 'Zhao Lei', teamId: 'T-2', joinedAt: '2026-01-01' }, admin); // 9
    const { projections } = t.deps;
    expect(projections.position).toBe(9);

    const w = await projections.worldAt(8);
    // made from the ledger's view alone: nothing refolded yet
    expect(projections.lastAsOf).toMatchObject({ position: 8, start: 'view', refolded: 0 });
    expect(totals(w.get(salesLedgerProjection), 'company', '2026-11').revenue).toBe(500);
    expect(projections.lastAsOf?.refolded).toBe(0);
    // the directory's events up to 8: 2 teams + 3 reps + C-1 + C-2 = 7 (R-4 at 9 lies past it)
    expect([...w.get(directoryProjection).reps.keys()]).toEqual(['R-1', 'R-2', 'R-3']);
    expect(projections.lastAsOf?.refolded).toBe(7);
    // read again: the state made the first time
    expect(w.get(directoryProjection)).toBe(w.get(directoryProjection));
    expect(projections.lastAsOf?.refolded).toBe(7);
    // customers: C-1 and C-2 → 2 more events
    expect([...w.get(customersProjection).customers.keys()]).toEqual(['C-1', 'C-2']);
    expect(projections.lastAsOf?.refolded).toBe(9);
  });
});
