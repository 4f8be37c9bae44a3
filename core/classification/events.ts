// Events of customer classification.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

export const ClassificationPolicySet = t.partial({ kind: t.string, highValueMinRevenue: t.number, highValueTopShare: t.string, trailingMonths: t.number }, 'ClassificationPolicySet');
export type ClassificationPolicySetData = t.TypeOf<typeof ClassificationPolicySet>;

export type ClassificationEvent = EventsOf<typeof classificationEventCodecs>;

export const classificationEventCodecs = { ClassificationPolicySet } as const;
