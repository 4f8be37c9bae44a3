// tally build-widgets (npm run build): writes widgets/dist/tally.js and the action forms beside
// it (tally-actions.js; with tally.d.ts and custom-elements.json), and reports their gzip sizes
// against their budgets. The server builds the
// same modules in-process; this is for a CDN or a look (serve both files from one folder).
import { dirname, join, relative } from 'node:path';
import { ACTIONS_FILE, WIDGET_ACTIONS_BUDGET_GZIP_BYTES, WIDGET_BUDGET_GZIP_BYTES, writeWidgets } from '../../widgets/build';

export const run = async (): Promise<number> => {
  const { file, code, gzipBytes, actions } = await writeWidgets();
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`${relative(process.cwd(), file)}: ${kb(code.length)}, ${kb(gzipBytes)} gzip (budget ${kb(WIDGET_BUDGET_GZIP_BYTES)})`);
  console.log(`${relative(process.cwd(), join(dirname(file), ACTIONS_FILE))}: ${kb(actions.code.length)}, ${kb(actions.gzipBytes)} gzip (budget ${kb(WIDGET_ACTIONS_BUDGET_GZIP_BYTES)}), loaded when a token may act`);
  return gzipBytes > WIDGET_BUDGET_GZIP_BYTES || actions.gzipBytes > WIDGET_ACTIONS_BUDGET_GZIP_BYTES ? 1 : 0;
};
