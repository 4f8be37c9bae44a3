// Events of webhooks: an admin registers a receiver of the log's events and removes it.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

export const WebhookRegistered = t.intersection(
  [
    t.type({ webhookId: t.string, url: t.string, format: t.string }),
    t.partial({ types: t.array(t.string), kinds: t.array(t.string), secret: t.string }),
  ],
  'WebhookRegistered',
);

export const WebhookRemoved = t.type({ webhookId: t.string }, 'WebhookRemoved');

export type WebhookRegisteredData = t.TypeOf<typeof WebhookRegistered>;

export type WebhookEvent = EventsOf<typeof webhookEventCodecs>;

export const webhookEventCodecs = { WebhookRegistered, WebhookRemoved } as const;
