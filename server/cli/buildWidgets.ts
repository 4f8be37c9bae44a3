// tally build-widgets (npm run build): writes widgets/dist/tally.js (with tally.d.ts and
// custom-elements.json beside it) and reports its gzip size
// against the budget. The server builds the same bundle in-process; this is for a CDN or a look.
import { relative } from 'node:path';
import { WIDGET_BUDGET_GZIP_BYTES, writeWidgets } from '../../widgets/build';

export const run = async (): Promise<number> => {
  const { file, code, gzipBytes } = await writeWidgets();
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`${relative(process.cwd(), file)}: ${kb(code.length)}, ${kb(gzipBytes)} gzip (budget ${kb(WIDGET_BUDGET_GZIP_BYTES)})`);
  return gzipBytes > WIDGET_BUDGET_GZIP_BYTES ? 1 : 0;
};
