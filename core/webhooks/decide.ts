// Rules for webhooks.
import * as E from 'fp-ts/Either';
import type { NewEvent } from '../shared/decider';
import { conflict, invalidField, notFound, type Problem } from '../shared/problem';
import type { RegisterWebhook, RemoveWebhook } from './commands';
import type { WebhookEvent } from './events';
import type { WebhookState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<WebhookEvent>[]>;

export const registerWebhook = (c: RegisterWebhook, s: WebhookState): Decision => {
  if (s.status !== 'none') return E.left(conflict(`webhook '${c.webhookId}' is ${s.status === 'active' ? 'already registered' : 'removed; register it under a new id'}`));
  // a WeCom group robot has no signature: the key in its URL is its only secret
  if (c.format === 'wecom' && c.secret !== undefined) return E.left(invalidField('secret', 'a WeCom group robot is not signed (its key in the URL is the secret); leave secret out'));
  return E.right([{ type: 'WebhookRegistered', data: { ...c } }]);
};

export const removeWebhook = (c: RemoveWebhook, s: WebhookState): Decision => {
  if (s.status === 'none') return E.left(notFound('webhook', c.webhookId));
  if (s.status === 'removed') return E.left(conflict(`webhook '${c.webhookId}' is already removed`));
  return E.right([{ type: 'WebhookRemoved', data: { webhookId: c.webhookId } }]);
};
