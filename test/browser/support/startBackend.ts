// Picks the server the browser tests run against.
import { buildWidgets } from '../../../widgets/build';
import type { Backend } from './backend';
import { startFakeApi } from './fakeApi';

export async function startBackend(portalOrigin: string): Promise<Backend> {
  return startFakeApi({ origins: [portalOrigin], bundle: await buildWidgets() });
}
