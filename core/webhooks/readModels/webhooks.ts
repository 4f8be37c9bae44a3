// The webhooks registered and not removed, each with the position it was registered at: its
// delivery starts after it (a new webhook is not sent the whole history).
import { defineProjection, unchanged } from '../../fold/projection';
import type { World } from '../../fold/world';
import type { WebhookRegisteredData } from '../events';

export interface WebhookRow extends WebhookRegisteredData {
  readonly registeredAt: number;
  removedAt?: number;
}

export const webhooksProjection = defineProjection({
  name: 'webhooks',
  types: ['WebhookRegistered', 'WebhookRemoved'],
  init: (): Map<string, WebhookRow> => new Map(),
  apply: (s, e) => {
    switch (e.type) {
      case 'WebhookRegistered':
        s.set(e.data.webhookId, { ...e.data, registeredAt: e.position });
        return s;
      case 'WebhookRemoved': {
        const w = s.get(e.data.webhookId);
        if (w) s.set(w.webhookId, { ...w, removedAt: e.position });
        return s;
      }
      default:
        return unchanged(s, e);
    }
  },
});

export const webhookRow = (world: World, webhookId: string): WebhookRow | undefined => world.get(webhooksProjection).get(webhookId);

export const activeWebhooks = (world: World): WebhookRow[] => [...world.get(webhooksProjection).values()].filter((w) => w.removedAt === undefined);

/**
 * Does the webhook take this event? `types` names the event types it takes; `kinds` the alert kinds
 * (an AlertRaised of another kind is left out). Robot formats take alerts only unless `types` says
 * otherwise: a chat group wants to hear of a goal behind, not of every sale.
 */
export const takes = (w: WebhookRegisteredData, e: { readonly type: string; readonly data: unknown }): boolean => {
  const types = w.types ?? (w.format === 'json' && !w.kinds ? undefined : ['AlertRaised']);
  if (types && !types.includes(e.type)) return false;
  // a stored event as the store gives it, its data not typed by the union: its kind is read with a check
  if (e.type === 'AlertRaised' && w.kinds) return typeof e.data === 'object' && e.data !== null && 'kind' in e.data && typeof e.data.kind === 'string' && w.kinds.includes(e.data.kind);
  return true;
};
