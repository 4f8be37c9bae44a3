// Events of customer classification.
import * as t from 'io-ts';

export const ClassificationPolicySet = t.partial({ kind: t.string, highValueMinRevenue: t.number, highValueTopShare: t.string, trailingMonths: t.number }, 'ClassificationPolicySet');
export type ClassificationPolicySetData = t.TypeOf<typeof ClassificationPolicySet>;

export type ClassificationEvent = { type: 'ClassificationPolicySet'; data: ClassificationPolicySetData };

export const classificationEventCodecs = { ClassificationPolicySet } as const;
