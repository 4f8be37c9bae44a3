// Every /api route module, mounted in one place. A new resource adds one line here and its
// entries in openapi.ts (a test checks the two agree).
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env';
import { commandRoutes } from './commands';
import { eventRoutes } from './events';
import { streamRoutes } from './stream';
import { scorecardRoutes } from './scorecards';

export const apiRoutes = (deps: AppDeps) => {
  const api = new Hono<AppEnv>();
  api.route('/', commandRoutes(deps));
  api.route('/', eventRoutes(deps));
  api.route('/', streamRoutes(deps));
  api.route('/', scorecardRoutes(deps));
  return api;
};
