// The request each format posts for one event, signed the way its receiver checks it.
import { createHmac } from 'node:crypto';
import type { StoredEvent } from '../../core/shared/envelope';
import type { WebhookRegisteredData } from '../../core/webhooks/events';
import { messageOf } from './messages';

export interface OutgoingRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/**
 * json (SPEC §10): `{ position, type, data, occurredAt, recordedAt }`; `X-Tally-Event-Id` is the
 * position, and with a secret `X-Tally-Signature: sha256=<hex HMAC-SHA256 of the body>`.
 */
const jsonRequest = (w: WebhookRegisteredData, e: StoredEvent): OutgoingRequest => {
  const body = JSON.stringify({ position: e.position, type: e.type, data: e.data, occurredAt: e.occurredAt, recordedAt: e.recordedAt });
  const signature: Record<string, string> = w.secret ? { 'x-tally-signature': `sha256=${createHmac('sha256', w.secret).update(body).digest('hex')}` } : {};
  return { url: w.url, headers: { ...JSON_TYPE, 'x-tally-event-id': String(e.position), ...signature }, body };
};

/**
 * DingTalk custom robot, markdown message; with a secret (加签) `timestamp` (ms) and `sign` are
 * appended to the URL: sign = urlEncode(base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret))).
 * https://open.dingtalk.com/document/orgapp/customize-robot-security-settings (加签) and
 * https://open.dingtalk.com/document/development/robot-message-type (markdown: title and text).
 */
export const dingtalkSign = (secret: string, timestampMs: number): string =>
  createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');

const dingtalkRequest = (w: WebhookRegisteredData, e: StoredEvent, currency: string, nowMs: number): OutgoingRequest => {
  const m = messageOf(e, currency);
  const text = [`#### ${m.title}`, '', ...m.lines.map((l) => `- ${l}`)].join('\n');
  const url = new URL(w.url);
  if (w.secret) {
    url.searchParams.set('timestamp', String(nowMs));
    url.searchParams.set('sign', dingtalkSign(w.secret, nowMs));
  }
  return { url: url.toString(), headers: JSON_TYPE, body: JSON.stringify({ msgtype: 'markdown', markdown: { title: m.title, text } }) };
};

/**
 * WeCom (企业微信) group robot, markdown message `{ msgtype: "markdown", markdown: { content } }`;
 * the robot has no signature — the key in its URL is the secret (RegisterWebhook refuses one).
 * https://developer.work.weixin.qq.com/document/path/91770
 */
const wecomRequest = (w: WebhookRegisteredData, e: StoredEvent, currency: string): OutgoingRequest => {
  const m = messageOf(e, currency);
  const content = [`**${m.title}**`, ...m.lines.map((l) => `> ${l}`)].join('\n');
  return { url: w.url, headers: JSON_TYPE, body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }) };
};

/**
 * Feishu custom bot, interactive card; with a secret (签名校验) the body carries `timestamp`
 * (seconds) and `sign` = base64(HmacSHA256(key = timestamp + "\n" + secret, message = "")).
 * https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export const feishuSign = (secret: string, timestampSeconds: number): string =>
  createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');

const feishuRequest = (w: WebhookRegisteredData, e: StoredEvent, currency: string, nowMs: number): OutgoingRequest => {
  const m = messageOf(e, currency);
  const seconds = Math.floor(nowMs / 1000);
  const card = {
    header: { title: { tag: 'plain_text', content: m.title }, template: e.type === 'AlertRaised' ? 'orange' : 'blue' },
    elements: [{ tag: 'div', text: { tag: 'lark_md', content: m.lines.join('\n') || m.title } }],
  };
  const signed = w.secret ? { timestamp: String(seconds), sign: feishuSign(w.secret, seconds) } : {};
  return { url: w.url, headers: JSON_TYPE, body: JSON.stringify({ ...signed, msg_type: 'interactive', card }) };
};

export const requestFor = (w: WebhookRegisteredData, e: StoredEvent, currency: string, nowMs: number): OutgoingRequest => {
  switch (w.format) {
    case 'dingtalk':
      return dingtalkRequest(w, e, currency, nowMs);
    case 'wecom':
      return wecomRequest(w, e, currency);
    case 'feishu':
      return feishuRequest(w, e, currency, nowMs);
    default:
      return jsonRequest(w, e);
  }
};

/**
 * Did the receiver take it? A 2xx acknowledges; the robots also answer 200 with an error code in
 * the body (DingTalk and WeCom `errcode`, Feishu `code`: a bad signature, a rate limit), which is a failure.
 */
export const refusalOf = (format: string, status: number, body: string): string | undefined => {
  if (status < 200 || status > 299) return `HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`;
  if (format === 'json') return undefined;
  try {
    const answer = JSON.parse(body) as { errcode?: number; errmsg?: string; code?: number; msg?: string };
    const code = answer.errcode ?? answer.code ?? 0;
    return code === 0 ? undefined : `${format} refused: ${code} ${answer.errmsg ?? answer.msg ?? ''}`.trim();
  } catch {
    return undefined;
  }
};
