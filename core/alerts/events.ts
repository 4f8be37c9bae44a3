// Events of alerts: one AlertRaised per alert, on the alert's own stream (its identity), so it is
// recorded once however many instances raise it.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

/** Figures and names an alert carries for its reader: JSON scalars only (money in minor units). */
export const AlertDetails = t.record(t.string, t.union([t.string, t.number, t.null]), 'AlertDetails');

export const AlertRaised = t.type(
  {
    alertId: t.string,
    kind: t.string,
    owner: t.string,
    subject: t.type({ type: t.string, id: t.string }),
    at: t.string,
    details: AlertDetails,
  },
  'AlertRaised',
);

export type AlertRaisedData = t.TypeOf<typeof AlertRaised>;

export type AlertEvent = EventsOf<typeof alertEventCodecs>;

export const alertEventCodecs = { AlertRaised } as const;
