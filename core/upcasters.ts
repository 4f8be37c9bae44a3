// Every upcaster, in one place, like the catalog: each area lists the old shapes of its events.
// `upcast` is what every fold calls on an event read from the log.
import { saleUpcasters } from './sales/upcasters';
import { upcasterOf, type UpcastFn } from './shared/upcast';

export const upcast: UpcastFn = upcasterOf([...saleUpcasters]);
