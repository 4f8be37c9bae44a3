// Classification: the policy stream and its command.
import { defineCommand } from '../shared/command';
import { SetClassificationPolicy } from './commands';
import { setClassificationPolicy } from './decide';
import { CLASSIFICATION_POLICY_ID, classificationStream } from './state';

export { classificationStream };

export const classificationCommands = [
  defineCommand({
    type: 'SetClassificationPolicy',
    summary: 'Set how customers are tiered: high-value by minimum trailing revenue and/or top share, over N trailing months; kind rfm adds recency, frequency and monetary scores and a segment per customer.',
    codec: SetClassificationPolicy,
    kind: classificationStream,
    streamId: () => CLASSIFICATION_POLICY_ID,
    decide: (c, s) => setClassificationPolicy(c, s),
    roles: ['admin'],
  }),
];
