// Picks the server the browser tests run against: the real app on the memory store once it
// mounts every route the widgets read, else the small fake API (TALLY_WIDGETS_BACKEND=fake forces it).
import { ROUTES } from '../../../server/http/openapi';
import { buildWidgets } from '../../../widgets/build';
import type { Backend } from './backend';
import { startFakeApi } from './fakeApi';
import { startRealApi, WIDGET_ROUTES } from './realApi';

export const realServerReady = (): boolean => {
  const mounted = new Set(ROUTES.filter((r) => r.method === 'get').map((r) => r.path));
  return WIDGET_ROUTES.every((p) => mounted.has(p));
};

export async function startBackend(portalOrigin: string): Promise<Backend> {
  const fake = process.env.TALLY_WIDGETS_BACKEND === 'fake' || !realServerReady();
  const backend = fake ? await startFakeApi({ origins: [portalOrigin], bundle: await buildWidgets() }) : await startRealApi(portalOrigin);
  console.info(`widgets browser tests run against the ${backend.kind} API at ${backend.api}`);
  return backend;
}
