// Webhook stream state: one stream per webhook id. A removed webhook's id is not used again, so a
// receiver never gets a second, different subscription under an id it has seen.
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type WebhookEvent, webhookEventCodecs } from './events';

export type WebhookState = { status: 'none' } | { status: 'active' } | { status: 'removed' };

export const evolveWebhook = (s: WebhookState, e: FoldedEvent<WebhookEvent>): WebhookState =>
  e.type === 'WebhookRegistered' ? { status: 'active' } : e.type === 'WebhookRemoved' ? { status: 'removed' } : s;

export const webhookStream = streamKind('tally-webhook-', (): WebhookState => ({ status: 'none' }), evolveWebhook, webhookEventCodecs);
