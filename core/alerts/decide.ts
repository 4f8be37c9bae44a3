// Rules for raising an alert: once per identity, and the identity must say what the alert is.
import * as E from 'fp-ts/Either';
import type { NewEvent } from '../shared/decider';
import { conflict, invalidField, type Problem } from '../shared/problem';
import type { RaiseAlert } from './commands';
import type { AlertEvent } from './events';
import type { AlertState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<AlertEvent>[]>;

export const raiseAlert = (c: RaiseAlert, s: AlertState): Decision => {
  const prefix = `${c.kind}:${c.subject.id}:`;
  if (!c.alertId.startsWith(prefix)) return E.left(invalidField('alertId', `an alert's id is its kind, subject and day or period: expected '${prefix}…', got '${c.alertId}'`));
  if (s.status === 'raised') return E.left(conflict(`alert '${c.alertId}' is already raised`));
  return E.right([{ type: 'AlertRaised', data: { ...c } }]);
};
