// The one classification-policy stream: how many times it was set (a new setting always appends).
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type ClassificationEvent, type ClassificationPolicySetData, classificationEventCodecs } from './events';

export type ClassificationState = { status: 'default' } | { status: 'set'; policy: ClassificationPolicySetData };

export const CLASSIFICATION_POLICY_ID = 'policy';

export const initialClassification = (): ClassificationState => ({ status: 'default' });

export const evolveClassification = (s: ClassificationState, e: FoldedEvent<ClassificationEvent>): ClassificationState =>
  e.type === 'ClassificationPolicySet' ? { status: 'set', policy: e.data } : s;

export const classificationStream = streamKind('tally-classification-', initialClassification, evolveClassification, classificationEventCodecs);
