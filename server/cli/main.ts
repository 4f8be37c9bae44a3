// `tally <command>`: serve, token, verify, replay, import, build-widgets.
import { ConfigError } from '../config';
import { StoreConfigError } from '../store/select';

const USAGE = `usage: tally <command> [options]

  serve                         start the server (npm start)
  token --role R [--sub S] [--team T] [--ttl 1h]
                                mint a bearer token (needs TALLY_JWT_SECRET)
  verify                        recompute the hash chain; exit 1 naming the first bad position
  replay [--json]               rebuild every read model from the log and report the speed
  replay --report review --period P [--as-of T] [--team T] [--at T] [--json]
                                a month's, quarter's or year's review as known at T (table on a TTY)
  import FILE [--dry-run]       import NDJSON commands (one {"type","data"} per line), or a
                                tally export file into an empty store (positions and hashes kept)
  import FILE.csv --format zoho-deals|fxiaoke-orders|csv [--map mapping.json] [--encoding gbk|utf8] [--dry-run]
                                import a CRM export (GBK or UTF-8 detected); rejected rows go to FILE.rejected.csv
  export [--out FILE]           write the log as sealed events (NDJSON) for tally import
  build-widgets                 write widgets/dist/tally.js and report its gzip size (npm run build)

TALLY_STORE selects the store for each (default sqlite:./data/tally.db).`;

const commands: Record<string, () => Promise<{ run: (args: string[]) => Promise<number> }>> = {
  serve: () => import('./serve'),
  token: () => import('./token'),
  verify: () => import('./verify'),
  replay: () => import('./replay'),
  import: () => import('./import'),
  export: () => import('./export'),
  'build-widgets': () => import('./buildWidgets'),
};

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || !(name in commands)) {
  if (name && !(name in commands) && name !== '--help' && name !== '-h') console.error(`tally: unknown command '${name}'\n`);
  console.log(USAGE);
  process.exit(name && !(name in commands) && name !== '--help' && name !== '-h' ? 2 : 0);
}
try {
  const code = await (await commands[name]()).run(args);
  if (name !== 'serve') process.exit(code);
} catch (e) {
  if (e instanceof ConfigError || e instanceof StoreConfigError) {
    console.error(`tally ${name}: ${e.message}`);
    process.exit(2);
  }
  throw e;
}
