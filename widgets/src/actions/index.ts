// tally-actions.js: the widgets' action forms, a second module the bundle imports the first
// time a widget's token may act (a viewer's page never loads it). It carries no Lit of its
// own: the bundle hands it `html` and `nothing` (see ../controllers/actions.ts).
import type { ActionHost } from './host';
import { ReviewActions } from './review';
import { StatementActions } from './statement';

export type { ActionHost } from './host';
export type { ReviewActions } from './review';
export type { StatementActions } from './statement';

export const statementActions = (host: ActionHost): StatementActions => new StatementActions(host);
export const reviewActions = (host: ActionHost): ReviewActions => new ReviewActions(host);
