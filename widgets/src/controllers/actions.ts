// The action forms are a module of their own beside the bundle (tally-actions.js), imported the
// first time a widget's token may act: a page of viewers never downloads them, and the bundle
// stays within its budget. The build names the file with its content version, so the import
// resolves beside whichever URL loaded the bundle.
import type * as ActionsModule from '../actions/index';

/** Set by the build: `./tally-actions.js?v=<content version>`. */
declare const TALLY_ACTIONS_FILE: string;

export type { ActionsModule };

let loading: Promise<typeof ActionsModule> | undefined;

export const loadActions = (): Promise<typeof ActionsModule> =>
  (loading ??= import(new URL(TALLY_ACTIONS_FILE, import.meta.url).href).catch((e: unknown) => {
    loading = undefined; // a failed load is tried again by the next widget that may act
    throw e;
  }));
