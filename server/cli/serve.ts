// tally serve (npm start): listen, compose, load the demo company into an empty store, serve, and
// print where to look and how to get in. The port is taken first, so while the log is replayed
// /livez answers and /readyz says 503 with what is under way. On SIGTERM or SIGINT it stops
// gracefully (stop).
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { compose, type Tally } from '../compose';
import { ConfigError, loadConfig } from '../config';
import { mintToken } from '../http/auth';
import { fastReadsFirst } from '../http/fastRead';
import { requestTimeouts } from '../http/security/timeouts';
import { loadDemo } from '../demo/load';
import { startDemoIntranet } from '../demo/portal';
import { notReady } from '../ops/routes';
import { terminalLang } from './terminalLang';
import { problemLangOfRequest } from '../http/lang';
import { problemIn } from '../http/problemWords';

/** How long a stop waits for in-flight requests and streams before it closes what is left. */
const DRAIN_MS = 10_000;

/** What the port answers before the app is composed: alive, not ready, and why. */
export const booting = (phase: () => string) => (req: Request): Response => {
  if (new URL(req.url).pathname === '/livez') return Response.json({ status: 'live' });
  return new Response(JSON.stringify(problemIn(notReady(phase()), problemLangOfRequest(req))), { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '1' } });
};

/** What `tally serve` prints, in the terminal's language; URLs, secrets and tokens as they are. */
const SAID = {
  en: {
    loaded: (count: number, s: string) => `loaded the demo company: ${count} commands in ${s} s`,
    listening: (port: number, kind: string, events: number) => `Tally is listening on http://localhost:${port} (store ${kind}, ${events} events)`,
    generated: (secret: string) => `TALLY_JWT_SECRET was not set; this run uses a generated one:\n  export TALLY_JWT_SECRET=${secret}`,
    adminToken: (seconds: number, token: string) => `admin token for the demo (${seconds % 3600 === 0 ? `${seconds / 3600} h` : `${Math.floor(seconds / 60)} min`}):\n  ${token}`,
    mint: 'mint a token with: npx tally token --role admin --ttl 1h',
    portal: (origin: string) => `demo intranet page, embedding every widget from another origin:\n  ${origin}/`,
    stopping: (signal: string) => `${signal}: stopping (a second one ends the process at once)`,
  },
  'zh-CN': {
    loaded: (count: number, s: string) => `已载入演示公司：${count} 条命令，用时 ${s} 秒`,
    listening: (port: number, kind: string, events: number) => `Tally 正在监听 http://localhost:${port}（存储 ${kind}，${events} 个事件）`,
    generated: (secret: string) => `没有设置 TALLY_JWT_SECRET；本次运行使用生成的密钥：\n  export TALLY_JWT_SECRET=${secret}`,
    adminToken: (seconds: number, token: string) => `演示用的管理员令牌（${seconds % 3600 === 0 ? `${seconds / 3600} 小时` : `${Math.floor(seconds / 60)} 分钟`}）：\n  ${token}`,
    mint: '签发令牌：npx tally token --role admin --ttl 1h',
    portal: (origin: string) => `演示内网页面，从另一个源嵌入所有组件：\n  ${origin}/`,
    stopping: (signal: string) => `${signal}：正在停止（再收到一次即立刻结束进程）`,
  },
} as const;

/** A port already taken is a setting to change, said as such; any other listen error is thrown as is. */
const busy = (setting: string, hint: string) => (e: unknown): never => {
  if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new ConfigError(`${setting}: that port is already in use (${hint})`);
  throw e;
};

export interface RunningServer {
  /** the port the API listens on */
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the API (and the demo page when the demo is on) and prints how to reach them. */
export const start = async (env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> => {
  const loaded = loadConfig(env, { mayGenerateSecret: true });
  const said = SAID[terminalLang(env)];
  let apiUrl = loaded.publicUrl;
  const portal = loaded.demo ? await startDemoIntranet(loaded, () => apiUrl).catch(busy(`TALLY_DEMO_PORTAL_PORT=${loaded.demoPortalPort}`, 'the demo page takes PORT + 1 unless set')) : undefined;
  const config = portal ? { ...loaded, corsOrigins: [...loaded.corsOrigins, portal.origin] } : loaded;
  let phase = 'replaying the event log into the read models';
  let tally: Tally | undefined;
  let ready = false;
  const notYet = booting(() => phase);
  // a cached read is answered before the adapter and the middleware chain (fastRead.ts)
  const createServer = fastReadsFirst(() => (ready ? tally!.app.readFast : undefined));
  const server = serve({ fetch: (req, env) => (ready ? tally!.app.fetch(req, env) : notYet(req)), port: config.port, hostname: config.host, serverOptions: requestTimeouts(config), createServer }) as Server;
  await new Promise<void>((resolve, reject) => server.once('listening', () => resolve()).once('error', reject)).catch(async (e: unknown) => {
    await portal?.close();
    return busy(`PORT=${config.port}`, 'set PORT to a free one')(e);
  });
  // An admin token is printed only for the demo just loaded: a restart, or a store with real data,
  // must not put a long-lived admin credential into the console's scrollback and logs.
  let demoLoaded = false;
  try {
    tally = await compose(config);
    if (config.demo && tally.deps.projections.position === 0) {
      phase = 'loading the demo company';
      const t0 = performance.now();
      const count = await loadDemo(tally.deps, config.demoNow ?? new Date(), config.zone);
      demoLoaded = true;
      console.log(said.loaded(count, ((performance.now() - t0) / 1000).toFixed(1)));
    }
  } catch (e) {
    server.close();
    await portal?.close();
    await tally?.close();
    throw e;
  }
  ready = true;
  tally.alerts.start();
  if (config.webhookDelivery) tally.deps.webhooks.start();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const running = tally;
  if (!env.TALLY_PUBLIC_URL) apiUrl = `http://localhost:${port}`;
  console.log(said.listening(port, tally.deps.store.kind, tally.deps.projections.position));
  if (config.jwtSecretGenerated) console.log(said.generated(config.jwtSecret));
  if (demoLoaded) {
    const ttlSeconds = Math.min(12 * 3600, config.tokenMaxTtlSeconds);
    console.log(said.adminToken(ttlSeconds, await mintToken(config.jwtSecret, { sub: 'admin', role: 'admin', ttlSeconds })));
  }
  else console.log(said.mint);
  if (portal) console.log(said.portal(portal.origin));
  return {
    port,
    close: async () => {
      // stop accepting; requests under way (commands among them) are answered, open streams get a
      // last `shutdown` event; whatever is still open after DRAIN_MS is cut; then the store closes,
      // once its queued appends are durable
      // no alert is raised and no webhook posted once stopping: what is under way finishes first
      await running.alerts.stop();
      await running.deps.webhooks.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), DRAIN_MS).unref());
      await Promise.race([running.deps.lifecycle.drain(), deadline]);
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      if ((await Promise.race([closed, deadline])) === 'late') {
        running.deps.log.warn({ drainMs: DRAIN_MS }, 'connections still open after the drain; closing them');
        server.closeAllConnections();
        await closed;
      }
      clearInterval(idle);
      await portal?.close();
      await running.close();
    },
  };
};

export const run = async (): Promise<number> => {
  const running = await start(process.env);
  const stop = async (signal: NodeJS.Signals) => {
    console.log(SAID[terminalLang()].stopping(signal));
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
};
