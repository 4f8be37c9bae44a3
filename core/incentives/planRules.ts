// What makes a plan well-formed beyond its shape: tiers in order, touching and ending open;
// dates in order; a quota wherever attainment is used; unique ids. Every bad field is listed
// with its path. Also fills the defaults of SPEC §6a, so the stored version is explicit.
import * as E from 'fp-ts/Either';
import { Dec } from '../shared/money';
import { invalid, type FieldError, type Problem } from '../shared/problem';
import type { PublishIncentivePlan } from './commands';
import type { IncentivePlan } from './events';

const tierErrors = (tiers: readonly { from: string; to?: string; rate: string }[]): FieldError[] => {
  const errors: FieldError[] = [];
  const at = (i: number, f: string) => `commission.tiers.${i}.${f}`;
  tiers.forEach((t, i) => {
    const from = new Dec(t.from);
    if (t.to !== undefined && new Dec(t.to).lte(from)) errors.push({ path: at(i, 'to'), message: `a tier must end above where it starts (from ${t.from}, to ${t.to})` });
    if (i === 0) return;
    const prev = tiers[i - 1];
    if (from.lt(prev.from)) errors.push({ path: at(i, 'from'), message: `tiers must be in ascending order: tier ${i + 1} starts at ${t.from}, below tier ${i} at ${prev.from}` });
    else if (prev.to === undefined) errors.push({ path: at(i - 1, 'to'), message: 'only the last tier may be open-ended (no `to`)' });
    else if (from.lt(prev.to)) errors.push({ path: at(i, 'from'), message: `tiers overlap: tier ${i + 1} starts at ${t.from}, before tier ${i} ends at ${prev.to}` });
    else if (from.gt(prev.to)) errors.push({ path: at(i, 'from'), message: `tiers must touch: tier ${i} ends at ${prev.to} but tier ${i + 1} starts at ${t.from}` });
  });
  const last = tiers.length - 1;
  if (tiers[last].to !== undefined) errors.push({ path: at(last, 'to'), message: 'the last tier must be open-ended (no `to`), so every value has a tier' });
  return errors;
};

const duplicates = <T>(items: readonly T[], id: (t: T) => string, path: (i: number) => string): FieldError[] => {
  const seen = new Set<string>();
  return items.flatMap((t, i) => {
    const k = id(t);
    if (seen.has(k)) return [{ path: path(i), message: `'${k}' appears twice` }];
    seen.add(k);
    return [];
  });
};

export const planErrors = (c: PublishIncentivePlan): FieldError[] => {
  const errors: FieldError[] = [];
  if (c.effectiveTo !== undefined && c.effectiveTo < c.effectiveFrom)
    errors.push({ path: 'effectiveTo', message: `effectiveTo (${c.effectiveTo}) is before effectiveFrom (${c.effectiveFrom})` });
  if (c.commission) errors.push(...tierErrors(c.commission.tiers));
  if (c.commission?.tierBasis === 'attainment' && !c.quota) errors.push({ path: 'quota', message: 'required: tiers by attainment need a quota ({ amount } or { fromGoal: true })' });
  if (c.bonuses && c.bonuses.length > 0 && !c.quota) errors.push({ path: 'quota', message: 'required: bonuses by attainment need a quota ({ amount } or { fromGoal: true })' });
  if (c.bonuses) errors.push(...duplicates(c.bonuses, (b) => b.bonusId, (i) => `bonuses.${i}.bonusId`));
  if (c.spiffs) errors.push(...duplicates(c.spiffs, (s) => s.spiffId, (i) => `spiffs.${i}.spiffId`));
  return errors;
};

/** The plan as stored: checked, with every default of SPEC §6a written out. */
export const normalizePlan = (c: PublishIncentivePlan): E.Either<Problem, IncentivePlan> => {
  const errors = planErrors(c);
  if (errors.length > 0) return E.left(invalid(`PublishIncentivePlan is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors));
  const { commission, ...rest } = c;
  return E.right({
    ...rest,
    ...(commission
      ? {
          commission: {
            tierBasis: commission.tierBasis ?? 'amount',
            tiers: commission.tiers.map((t) => ({ from: t.from, ...(t.to !== undefined ? { to: t.to } : {}), rate: t.rate })),
            method: commission.method ?? 'marginal',
            scope: commission.scope ?? 'cumulative',
            boundary: commission.boundary ?? 'upper',
          },
        }
      : {}),
  });
};
