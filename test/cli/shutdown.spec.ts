// A stop on SIGTERM: the server stops accepting, ends each open stream with a last `shutdown`
// event (so the client reconnects elsewhere), answers what is under way, closes the store and
// exits 0. And before the app is ready, the port already says it is alive but not ready.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { booting } from '../../server/cli/serve';
import { mintToken } from '../../server/http/auth';
import { SqliteStore } from '../../server/store/sqlite';

const SECRET = 's'.repeat(40);
const root = join(__dirname, '..', '..');

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('tally serve stopped by SIGTERM', () => {
  it('sends open streams a last shutdown event, keeps what was written and exits 0', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-stop-'));
    const db = join(dir, 'tally.db');
    const child = spawn(process.execPath, [join(root, 'bin', 'tally.mjs'), 'serve'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TALLY_STORE: `sqlite:${db}`, TALLY_DEMO: '0', TALLY_JWT_SECRET: SECRET, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 60_000;
    while (!/listening on http:\/\/localhost:(\d+)/.test(out)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const url = `http://127.0.0.1:${/listening on http:\/\/localhost:(\d+)/.exec(out)![1]}`;
    const admin = await mintToken(SECRET, { sub: 'admin', role: 'admin', ttlSeconds: 600 });
    const command = await fetch(`${url}/api/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'CreateTeam', data: { teamId: 'T-1', name: 'East', managerId: 'M-1' } }),
    });
    expect(command.status).toBe(201);
    const stream = await fetch(`${url}/api/stream`, { headers: { authorization: `Bearer ${admin}` } });
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: ready')) text += decoder.decode((await reader.read()).value, { stream: true });
    child.kill('SIGTERM');
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const events = text.trim().split('\n\n');
    // the last event says why the stream ends, at position 1: the team created above
    expect(events.at(-1)).toBe('event: shutdown\ndata: {"position":1,"reason":"the server is shutting down; reconnect with Last-Event-ID"}');
    expect(await exited, out).toBe(0);
    expect(out).toContain('SIGTERM: stopping');
    // the store was closed cleanly and holds the command's event
    const store = new SqliteStore(db);
    expect((await store.head()).position).toBe(1);
    await store.close();
  }, 90_000);
});

describe('the port before the app is ready', () => {
  it('answers /livez 200 and everything else 503 with what is under way', async () => {
    const answer = booting(() => 'replaying the event log into the read models');
    const live = answer(new Request('http://h/livez'));
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'live' });
    for (const path of ['/readyz', '/health', '/api/goals']) {
      const r = answer(new Request(`http://h${path}`));
      expect(r.status, path).toBe(503);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      expect(await r.json()).toMatchObject({ status: 503, reason: 'replaying the event log into the read models' });
    }
    // the reader's language, as every problem: lang, else Accept-Language; `reason` stays the machine's
    const zh = await answer(new Request('http://h/api/goals?lang=zh-CN')).json();
    expect(zh).toMatchObject({ title: '尚未就绪', detail: '正在把事件日志重放到读模型', reason: 'replaying the event log into the read models' });
    const accepted = await answer(new Request('http://h/api/goals', { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } })).json();
    expect(accepted).toMatchObject({ detail: '正在把事件日志重放到读模型' });
  });
});
