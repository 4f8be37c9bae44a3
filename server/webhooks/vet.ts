// The engine's I/O check of RegisterWebhook: its URL's host, literal or resolved, must not be
// private (urlGuard.ts) unless TALLY_WEBHOOK_ALLOW_PRIVATE=1. A 422 naming data.url.
import type { Problem } from '../../core/shared/problem';
import { ruleBroken } from '../../core/shared/problem';
import { privateUrlReason, type Resolve } from './urlGuard';

export const vetWebhookUrl = (allowPrivate: boolean, resolve?: Resolve) => async (type: string, command: unknown): Promise<Problem | undefined> => {
  if (type !== 'RegisterWebhook' || allowPrivate) return undefined;
  const url = (command as { url: string }).url;
  const reason = await privateUrlReason(url, resolve);
  if (!reason) return undefined;
  const message = `refused: ${reason} (TALLY_WEBHOOK_ALLOW_PRIVATE=1 allows it)`;
  return { ...ruleBroken('webhook-url-private', `the webhook URL is ${message}`), errors: [{ path: 'data.url', message }] };
};
