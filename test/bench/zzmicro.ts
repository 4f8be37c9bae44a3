import { ownLines } from '../../core/incentives/calculate/statement';
import { facts, plan, rule, sale } from '../unit/incentives/facts';
const p = plan({ quota: { amount: 12_000_000 }, commission: rule([['0', '0.8', '0.03'], ['0.8', '1.2', '0.05'], ['1.2', undefined, '0.08']], { tierBasis: 'attainment' }), bonuses: [{ bonusId: 'B', attainmentAtLeast: '1', amount: 100 }], spiffs: [{ spiffId: 'S', product: 'ANALYTICS', amount: 30000, per: 'unit' }], cap: { amount: 1_500_000 } });
const entries = Array.from({ length: 20 }, (_, i) => sale(`O-${i}`, 700_000 + i * 1000, `2026-07-${String(i + 1).padStart(2, '0')}T10:00:00+08:00`));
const orders = Object.fromEntries(entries.map((e) => [e.orderId, { lines: [{ product: 'ANALYTICS', units: 2, amount: e.amount }] }]));
const f = facts(p, '2026-07', entries, { quota: 12_000_000, orders });
for (let k = 0; k < 3; k++) { const t0 = performance.now(); for (let i = 0; i < 1000; i++) ownLines(f); console.log((performance.now() - t0) / 1000, 'ms per statement'); }
