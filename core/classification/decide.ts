// Rules for the classification policy.
import * as E from 'fp-ts/Either';
import type { NewEvent } from '../shared/decider';
import { ruleBroken, type Problem } from '../shared/problem';
import type { SetClassificationPolicy } from './commands';
import type { ClassificationEvent, ClassificationPolicySetData } from './events';
import type { ClassificationState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<ClassificationEvent>[]>;

const same = (a: ClassificationPolicySetData, b: ClassificationPolicySetData) =>
  (a.kind ?? 'revenue') === (b.kind ?? 'revenue') && a.highValueMinRevenue === b.highValueMinRevenue && a.highValueTopShare === b.highValueTopShare && a.trailingMonths === b.trailingMonths;

export const setClassificationPolicy = (c: SetClassificationPolicy, s: ClassificationState): Decision => {
  const current = s.status === 'set' ? s.policy : {};
  if (same(c, current)) return E.left(ruleBroken('policy-unchanged', 'this classification policy is already in force'));
  return E.right([{ type: 'ClassificationPolicySet', data: { ...c } }]);
};
