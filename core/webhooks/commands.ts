// Commands of webhooks (SPEC §10): where to post the log's events, in which format, which of them,
// and the secret that signs them. Whether the URL's host is private is the shell's to check (it
// resolves the name); here it must be an http(s) URL without credentials.
import * as t from 'io-ts';
import { ALERT_KINDS } from '../alerts/commands';
import { boundedArray, closed, Id, literalUnion, refined, Text } from '../shared/codec';

export const WEBHOOK_FORMATS = ['json', 'dingtalk', 'wecom', 'feishu'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

const MAX_URL = 2000;
const isWebhookUrl = (u: unknown): u is string => {
  if (typeof u !== 'string' || u.length > MAX_URL || !URL.canParse(u)) return false;
  const url = new URL(u);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.hash === '';
};
export const WebhookUrl = refined<string>('WebhookUrl', `expected an http(s) URL without credentials or fragment, at most ${MAX_URL} characters`, isWebhookUrl, {
  type: 'string', format: 'uri', maxLength: MAX_URL, examples: ['https://oapi.dingtalk.com/robot/send?access_token=…'],
});

const EVENT_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
export const EventTypeName = refined<string>('EventTypeName', 'expected an event type such as AlertRaised', (u): u is string => typeof u === 'string' && EVENT_TYPE.test(u), {
  type: 'string', pattern: EVENT_TYPE.source, examples: ['AlertRaised'],
});

export const RegisterWebhook = closed(
  'RegisterWebhook',
  { webhookId: Id, url: WebhookUrl, format: literalUnion('WebhookFormat', WEBHOOK_FORMATS) },
  { types: boundedArray(EventTypeName, 100, 1, 'EventTypes'), kinds: boundedArray(literalUnion('AlertKind', ALERT_KINDS), ALERT_KINDS.length, 1, 'AlertKinds'), secret: Text(200) },
);
export type RegisterWebhook = t.TypeOf<typeof RegisterWebhook>;

export const RemoveWebhook = closed('RemoveWebhook', { webhookId: Id });
export type RemoveWebhook = t.TypeOf<typeof RemoveWebhook>;
