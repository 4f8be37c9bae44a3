// The HTTP floor, in a child process: a bare node:http handler on loopback that reads the request
// and answers with the same status and JSON the real route gave (sent over IPC at start). Asked
// { type: 'cpu' }, it tells its CPU time so far, as the server does.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

let reply = { status: 200, body: '{}' };

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
  });
});

process.on('message', (m: { type: string; status: number; body: string }) => {
  if (m.type === 'reply') {
    reply = { status: m.status, body: m.body };
    process.send!({ type: 'replying' });
  }
  if (m.type === 'cpu') process.send!({ type: 'cpu', ...process.cpuUsage() });
});
process.on('disconnect', () => process.exit(0));
server.listen(0, '127.0.0.1', () => process.send!({ type: 'ready', port: (server.address() as AddressInfo).port }));
