// A client generated from GET /openapi.json by openapi-typescript, as a portal developer would
// make one, compiled with tsc: the README's request bodies and a read of an answer type-check
// against it, and the same with one mistake do not (so the types are real, not `unknown`).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { testTally } from '../support/app';

/** Every `curl -X POST $API/api/… -d '…'` of the README: the path and its JSON body. */
const readmeBodies = (): { path: string; body: unknown }[] =>
  [...readFileSync(join(__dirname, '../../README.md'), 'utf8').matchAll(/curl -s -X POST \$API(\/api\/[\w/]+)(?:(?!curl)[\s\S])*?-d '([^']+)'/g)].map((m) => ({
    path: m[1],
    body: JSON.parse(m[2]),
  }));

const HEADER = [
  "import type { paths } from './schema';",
  "type Body<P extends keyof paths> = paths[P] extends { post: { requestBody: { content: { 'application/json': infer B } } } } ? B : never;",
  "type Answer<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer A } } } } } ? A : never;",
  // an answer is typed too: attainment is a number, or null without a target
  "export const attainmentOf = (a: Answer<'/api/goals'>): number | null => a.goals[0].attainment;",
];

const clientSource = (bodies: { path: string; body: unknown }[], more: string[] = []) =>
  [...HEADER, ...bodies.map((b, i) => `export const example${i}: Body<'${b.path}'> = ${JSON.stringify(b.body)};`), ...more].join('\n');

/** tsc's diagnostics for the generated schema and a client file beside it, by line of the client. */
const compile = (dir: string, client: string): { line: number; message: string }[] => {
  writeFileSync(join(dir, 'client.ts'), client);
  const program = ts.createProgram([join(dir, 'client.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
};

describe('a client generated from /openapi.json', () => {
  it("type-checks the README's examples, and refuses them with a mistake", async () => {
    const t = await testTally();
    const doc = await (await t.app.request('/openapi.json')).json();
    const dir = mkdtempSync(join(tmpdir(), 'tally-openapi-client-'));
    writeFileSync(join(dir, 'schema.ts'), astToString(await openapiTS(doc)));

    const bodies = readmeBodies();
    // the sale of the walk-through, the batch after it, and the revocation of a leaked embed token
    expect(bodies.map((b) => b.path)).toEqual(['/api/commands', '/api/commands/batch', '/api/commands']);
    expect((bodies[2].body as { type: string }).type).toBe('RevokeTokens');
    expect(compile(dir, clientSource(bodies))).toEqual([]);

    // the README's sale with an amount in yuan as text, and with a field RecordSale does not have
    // (closed codecs refuse unknown fields), and an answer's number read as text: the generated
    // types refuse each, on its own line of the file
    const sale = bodies[0].body as { data: { lines: { amount: unknown }[] } };
    const wrongAmount = structuredClone(sale);
    wrongAmount.data.lines[0].amount = '1200.00';
    const extraField = { ...sale, data: { ...sale.data, discount: 5 } };
    const wrongRead = "export const wrongRead = (a: Answer<'/api/goals'>): string => a.goals[0].attainment;";
    const refused = compile(dir, clientSource([{ path: '/api/commands', body: wrongAmount }, { path: '/api/commands', body: extraField }], [wrongRead]));
    const at = HEADER.length;
    expect([...new Set(refused.map((d) => d.line))].sort((a, b) => a - b)).toEqual([at, at + 1, at + 2]);
  }, 60_000);
});
