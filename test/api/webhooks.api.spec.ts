// Webhooks (SPEC §10) against local receivers: a receiver down then up loses nothing and keeps
// order; a restart resumes after the last acknowledged position; each format is signed the way its
// platform checks it and speaks Chinese with names and ¥; private URLs are refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite';
import { vetWebhookUrl } from '../../server/webhooks/vet';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { dingtalkSignatureOk, feishuSignatureOk, jsonSignatureOk, startReceiver, until, type Receiver } from './webhookReceivers';

const NOW = '2026-11-27T10:00:00+08:00';
const FAST = { TALLY_WEBHOOK_ALLOW_PRIVATE: '1', TALLY_WEBHOOK_RETRY_BASE_MS: '10' };
const open: (TestTally | Receiver)[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const o of open.reverse()) await o.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ok = async (t: TestTally, admin: string, type: string, data: unknown) => {
  const r = await t.post(type, data, admin);
  expect(r.status, `${type}: ${await r.clone().text()}`).toBe(201);
  return ((await r.json()) as { events: { position: number }[] }).events;
};

const sale = (n: number) => ({ orderId: `O-${n}`, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 10_000 + n }], occurredAt: NOW });

const statusOf = async (t: TestTally, admin: string, id: string) => (await (await t.get(`/api/webhooks/${id}`, admin)).json()) as { lastDelivered: number | null; pending: number; failures: number; lastError: string | null };

const positions = (r: Receiver) => r.received.map((x) => Number(x.headers['x-tally-event-id']));

describe('json webhooks', () => {
  it('a receiver that is down, then up, gets every event once acknowledged, in position order, signed', async () => {
    const receiver = await startReceiver();
    const t = await testTally({ now: NOW, env: FAST });
    open.push(t, receiver);
    const admin = await seedCompany(t);
    const [registered] = await ok(t, admin, 'RegisterWebhook', { webhookId: 'WH-1', url: receiver.url, format: 'json', types: ['SaleRecorded'], secret: 's3cret' });
    receiver.down = true;
    t.deps.webhooks.start();
    for (let n = 1; n <= 5; n++) await ok(t, admin, 'RecordSale', sale(n));
    await until('failed attempts', async () => (await statusOf(t, admin, 'WH-1')).failures >= 3);
    const down = await statusOf(t, admin, 'WH-1');
    expect(down).toMatchObject({ lastDelivered: null, pending: 5, lastError: expect.stringContaining('503') });
    // a command is not slowed by the dead receiver: it is answered while deliveries fail
    const t0 = performance.now();
    await ok(t, admin, 'RecordSale', sale(6));
    expect(performance.now() - t0).toBeLessThan(1000);
    receiver.down = false;
    await until('all six sales', () => receiver.received.length >= 6);
    await t.deps.webhooks.idle();
    const sent = positions(receiver);
    expect(sent).toHaveLength(6);
    expect(sent.every((p, i) => p > registered.position && (i === 0 || p > sent[i - 1]))).toBe(true);
    const bodies = receiver.received.map((r) => JSON.parse(r.body) as { position: number; type: string; data: { orderId: string } });
    expect(bodies.map((b) => b.data.orderId)).toEqual(['O-1', 'O-2', 'O-3', 'O-4', 'O-5', 'O-6']);
    expect(bodies.every((b, i) => b.position === sent[i] && b.type === 'SaleRecorded')).toBe(true);
    expect(receiver.received.every((r) => jsonSignatureOk('s3cret', r))).toBe(true);
    expect(jsonSignatureOk('wrong', receiver.received[0])).toBe(false);
    expect(await statusOf(t, admin, 'WH-1')).toMatchObject({ lastDelivered: sent[5], pending: 0, failures: 0 });
    // removed: nothing more is posted
    await ok(t, admin, 'RemoveWebhook', { webhookId: 'WH-1' });
    await ok(t, admin, 'RecordSale', sale(7));
    await new Promise((r) => setTimeout(r, 50));
    expect(receiver.received).toHaveLength(6);
  });

  it('resumes after a restart from the last acknowledged position, the cursor kept beside the SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-webhooks-'));
    dirs.push(dir);
    const env = { ...FAST, TALLY_STORE: `sqlite:${join(dir, 'tally.db')}` };
    const receiver = await startReceiver();
    open.push(receiver);
    const first = await testTally({ now: NOW, env, store: new SqliteStore(join(dir, 'tally.db')) });
    const admin = await seedCompany(first);
    await ok(first, admin, 'RegisterWebhook', { webhookId: 'WH-R', url: receiver.url, format: 'json', types: ['SaleRecorded'] });
    first.deps.webhooks.start();
    for (let n = 1; n <= 3; n++) await ok(first, admin, 'RecordSale', sale(n));
    await until('three sales', () => receiver.received.length === 3);
    await first.deps.webhooks.idle();
    await first.close();
    // while no server runs, two more sales are recorded (by a server whose worker is not started)
    const offline = await testTally({ now: NOW, env, store: new SqliteStore(join(dir, 'tally.db')) });
    for (let n = 4; n <= 5; n++) await ok(offline, admin, 'RecordSale', sale(n));
    await offline.close();
    const second = await testTally({ now: NOW, env, store: new SqliteStore(join(dir, 'tally.db')) });
    open.push(second);
    second.deps.webhooks.start();
    await until('five sales', () => receiver.received.length >= 5);
    await second.deps.webhooks.idle();
    expect(receiver.received.map((r) => (JSON.parse(r.body) as { data: { orderId: string } }).data.orderId)).toEqual(['O-1', 'O-2', 'O-3', 'O-4', 'O-5']);
  });
});

describe('chat robots', () => {
  const SECRET = 'SECabcdef0123456789';

  const robotTally = async (register: (url: string) => Record<string, unknown>, answer: Parameters<typeof startReceiver>[0]) => {
    const receiver = await startReceiver(answer);
    const t = await testTally({ now: NOW, env: FAST });
    open.push(t, receiver);
    const admin = await seedCompany(t);
    await ok(t, admin, 'SetPipelineStages', { stages: [{ stage: '方案报价', probability: '0.5' }] });
    await ok(t, admin, 'RegisterWebhook', register(receiver.url));
    t.deps.webhooks.start();
    await ok(t, admin, 'OpenDeal', { dealId: 'D-1', customerId: 'C-1', repId: 'R-1', amount: 1_250_000, stage: '方案报价', expectedCloseAt: '2026-11-20', title: 'CRM 续约', occurredAt: '2026-11-01T10:00:00+08:00' });
    await ok(t, admin, 'RecordSale', sale(1));
    await t.alerts.tick();
    await until('the alert', () => receiver.received.length >= 1);
    await t.deps.webhooks.idle();
    // acknowledged: the robot took it (a refusal would leave it pending and count a failure)
    expect(await statusOf(t, admin, register('').webhookId as string)).toMatchObject({ pending: 0, failures: 0 });
    return { t, admin, receiver };
  };

  it('DingTalk: a markdown message in Chinese, signed in the URL as the robot checks it; alerts only', async () => {
    const { receiver } = await robotTally(
      (url) => ({ webhookId: 'WH-DD', url: `${url}?access_token=abc`, format: 'dingtalk', kinds: ['deal-overdue'], secret: SECRET }),
      (r) => (dingtalkSignatureOk(SECRET, r) ? { body: { errcode: 0, errmsg: 'ok' } } : { body: { errcode: 310000, errmsg: 'sign not match' } }),
    );
    // the one request verified (a refused one would be retried, and counted)
    expect(receiver.received).toHaveLength(1);
    const [r] = receiver.received;
    expect(dingtalkSignatureOk(SECRET, r)).toBe(true);
    expect(dingtalkSignatureOk('SECother', r)).toBe(false);
    expect(new URL(r.url, 'http://x').searchParams.get('access_token')).toBe('abc');
    const body = JSON.parse(r.body) as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe('商机超过预计成交日期：CRM 续约');
    expect(body.markdown.text).toContain('客户：Acme');
    expect(body.markdown.text).toContain('负责人：Wang Fang');
    expect(body.markdown.text).toContain('金额：¥12,500.00');
    expect(body.markdown.text).not.toMatch(/D-1|C-1|R-1/);
  });

  it('DingTalk: a robot that refuses the signature (errcode in a 200) is a failed delivery, retried', async () => {
    const receiver = await startReceiver(() => ({ body: { errcode: 310000, errmsg: 'sign not match' } }));
    const t = await testTally({ now: NOW, env: FAST });
    open.push(t, receiver);
    const admin = await seedCompany(t);
    await ok(t, admin, 'RegisterWebhook', { webhookId: 'WH-BAD', url: receiver.url, format: 'dingtalk', types: ['SaleRecorded'], secret: 'other' });
    t.deps.webhooks.start();
    await ok(t, admin, 'RecordSale', sale(1));
    await until('two failures', async () => (await statusOf(t, admin, 'WH-BAD')).failures >= 2);
    expect(await statusOf(t, admin, 'WH-BAD')).toMatchObject({ lastDelivered: null, pending: 1, lastError: expect.stringContaining('310000') });
  });

  it('Feishu: an interactive card with timestamp and sign in the body, as the bot checks them', async () => {
    const { receiver } = await robotTally(
      (url) => ({ webhookId: 'WH-FS', url, format: 'feishu', secret: SECRET }),
      (r) => (feishuSignatureOk(SECRET, r) ? { body: { code: 0, msg: 'success' } } : { body: { code: 19021, msg: 'sign match fail' } }),
    );
    expect(receiver.received).toHaveLength(1);
    expect(feishuSignatureOk(SECRET, receiver.received[0])).toBe(true);
    expect(feishuSignatureOk('SECother', receiver.received[0])).toBe(false);
    const body = JSON.parse(receiver.received[0].body) as { msg_type: string; card: { header: { title: { content: string } }; elements: { text: { content: string } }[] } };
    expect(body.msg_type).toBe('interactive');
    expect(body.card.header.title.content).toBe('商机超过预计成交日期：CRM 续约');
    expect(body.card.elements[0].text.content).toContain('金额：¥12,500.00');
  });

  it('WeCom: a markdown message; no signature (the key in the URL is the secret), so a secret is refused', async () => {
    const { t, admin, receiver } = await robotTally((url) => ({ webhookId: 'WH-WC', url: `${url}?key=k-1`, format: 'wecom' }), () => ({ body: { errcode: 0, errmsg: 'ok' } }));
    const body = JSON.parse(receiver.received[0].body) as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain('**商机超过预计成交日期：CRM 续约**');
    expect(body.markdown.content).toContain('> 金额：¥12,500.00');
    const r = await t.post('RegisterWebhook', { webhookId: 'WH-WC2', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', format: 'wecom', secret: 'x' }, admin);
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toContain('secret');
  });
});

describe('webhook URLs', () => {
  it('refuses loopback, private, link-local and metadata addresses, by literal and by what a name resolves to (422 naming url)', async () => {
    const t = await testTally({ now: NOW });
    open.push(t);
    const admin = await t.token('admin');
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.5/hook', 'http://[::ffff:192.168.1.1]/hook', 'http://[fd00:ec2::254]/']) {
      const r = await t.post('RegisterWebhook', { webhookId: 'WH-P', url, format: 'json' }, admin);
      expect(r.status, url).toBe(422);
      const problem = (await r.json()) as { errors: { path: string }[] };
      expect(problem.errors.map((e) => e.path), url).toEqual(['data.url']);
    }
    const resolveTo = (addresses: string[]) => async () => addresses;
    expect(await vetWebhookUrl(false, resolveTo(['10.1.2.3']))('RegisterWebhook', { url: 'https://hooks.example.test/x' })).toMatchObject({ kind: 'rule', errors: [{ path: 'data.url' }] });
    expect(await vetWebhookUrl(false, resolveTo(['93.184.215.14', '::1']))('RegisterWebhook', { url: 'https://mixed.example.test/x' })).toBeDefined();
    expect(await vetWebhookUrl(false, resolveTo(['93.184.215.14']))('RegisterWebhook', { url: 'https://hooks.example.test/x' })).toBeUndefined();
    expect(await vetWebhookUrl(true, resolveTo(['127.0.0.1']))('RegisterWebhook', { url: 'https://hooks.example.test/x' })).toBeUndefined();
    expect((await t.post('RegisterWebhook', { webhookId: 'WH-F', url: 'ftp://example.com/x', format: 'json' }, admin)).status).toBe(400);
    expect((await t.post('RegisterWebhook', { webhookId: 'WH-U', url: 'https://user:pw@example.com/x', format: 'json' }, admin)).status).toBe(400);
    expect((await t.post('RegisterWebhook', { webhookId: 'WH-M', url: 'https://93.184.215.14/x', format: 'json' }, await t.token('manager', 'M-1', 'T-1'))).status).toBe(403);
  });
});
