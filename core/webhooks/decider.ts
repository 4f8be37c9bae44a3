// Webhooks: stream kind and command wiring. Admins only: a webhook carries the log out of Tally.
import { defineCommand } from '../shared/command';
import { RegisterWebhook, RemoveWebhook } from './commands';
import { registerWebhook, removeWebhook } from './decide';
import { webhookStream } from './state';

export { webhookStream };

export const webhookCommands = [
  defineCommand({
    type: 'RegisterWebhook',
    summary: 'Post the log’s events (filtered by types and alert kinds) to a URL as json, or as a DingTalk, WeCom or Feishu robot message, signed with the secret.',
    codec: RegisterWebhook,
    kind: webhookStream,
    streamId: (c) => c.webhookId,
    decide: registerWebhook,
    roles: ['admin'],
  }),
  defineCommand({
    type: 'RemoveWebhook',
    summary: 'Stop posting to a webhook.',
    codec: RemoveWebhook,
    kind: webhookStream,
    streamId: (c) => c.webhookId,
    decide: removeWebhook,
    roles: ['admin'],
  }),
];
