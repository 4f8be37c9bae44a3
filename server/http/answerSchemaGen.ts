// The JSON answers of the routes as JSON Schema, read by the TypeScript checker from the routes
// themselves: each handler's `c.json(answer)` is typed by Hono (`TypedResponse<data, status,
// 'json'>`), so the type the handler returns is the one definition of its answer, and this turns
// it into the schema the OpenAPI document serves. Run by `npm run openapi:answers`, which writes
// answerSchemas.ts; a test regenerates it and fails when a route's answer changed without it.
// Needs the TypeScript compiler (a devDependency): never imported by the server.
import { writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { JsonSchema } from '../../core/shared/codec';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');

/** Route files and the prefix they are mounted under (routes/index.ts, app.ts). */
const SOURCES: readonly { file: string; prefix: string }[] = [
  { file: 'server/http/app.ts', prefix: '' },
  { file: 'server/ops/routes.ts', prefix: '' },
  ...ts.sys.readDirectory(join(HERE, 'routes'), ['.ts']).filter((f) => !f.endsWith('/widgets.ts')).map((f) => ({ file: relative(ROOT, f), prefix: '/api' })),
];

/** The document itself: described as an OpenAPI document (openapi.ts), not as its own type. */
const SELF_DESCRIBED = new Set(['get /openapi.json', 'get /metrics']);

const byText = (a: JsonSchema, b: JsonSchema) => JSON.stringify(a).localeCompare(JSON.stringify(b));

class Converter {
  private readonly stack: ts.Type[] = [];
  constructor(private readonly checker: ts.TypeChecker) {}

  schema(type: ts.Type): JsonSchema {
    const c = this.checker;
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.StringLiteral) return { const: (type as ts.StringLiteralType).value };
    if (f & ts.TypeFlags.NumberLiteral) return { const: (type as ts.NumberLiteralType).value };
    if (f & ts.TypeFlags.BooleanLiteral) return { const: type === c.getTrueType() };
    if (f & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral)) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.Null) return { type: 'null' };
    if (f & ts.TypeFlags.Never) return { not: {} };
    if (type.isUnion()) return this.union(type.types);
    if (this.stack.includes(type)) return {}; // a recursive shape: left open rather than unrolled
    this.stack.push(type);
    try {
      return this.object(type);
    } finally {
      this.stack.pop();
    }
  }

  private union(members: readonly ts.Type[]): JsonSchema {
    const present = members.filter((m) => !(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    // true | false is how the checker spells boolean
    const bools = present.filter((m) => m.flags & ts.TypeFlags.BooleanLiteral);
    const rest = bools.length === 2 ? present.filter((m) => !(m.flags & ts.TypeFlags.BooleanLiteral)) : present;
    // sorted: the checker lists a union's members in the order it met them, which other code moves
    const schemas = [...(bools.length === 2 ? [{ type: 'boolean' }] : []), ...rest.map((m) => this.schema(m))].sort(byText);
    if (schemas.length === 1) return schemas[0];
    if (schemas.every((s) => 'const' in s)) return { enum: schemas.map((s) => s.const) };
    return { anyOf: schemas };
  }

  private object(type: ts.Type): JsonSchema {
    const c = this.checker;
    if (c.isArrayType(type)) return { type: 'array', items: this.schema(c.getTypeArguments(type as ts.TypeReference)[0]) };
    if (c.isTupleType(type)) {
      const items = c.getTypeArguments(type as ts.TypeReference).map((t) => this.schema(t));
      return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
    }
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const p of c.getPropertiesOfType(type)) {
      const decl = p.valueDeclaration ?? p.declarations?.[0];
      const t = decl ? c.getTypeOfSymbolAtLocation(p, decl) : c.getTypeOfSymbol(p);
      // functions and symbol-keyed members (`__@toStringTag@…`) do not survive JSON
      if (t.getCallSignatures().length > 0 || p.name.startsWith('__@')) continue;
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0 || (t.isUnion() && t.types.some((m) => m.flags & ts.TypeFlags.Undefined));
      properties[p.name] = this.schema(t);
      if (!optional) required.push(p.name);
    }
    const index = c.getIndexInfoOfType(type, ts.IndexKind.String);
    return {
      type: 'object',
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
      ...(required.length > 0 ? { required } : {}),
      ...(index ? { additionalProperties: this.schema(index.type) } : {}),
    };
  }
}

/** `method path` → the JSON Schema of its 2xx JSON answers (several answers: any of them). */
export const answerSchemas = (): Record<string, JsonSchema> => {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(
    SOURCES.map((s) => join(ROOT, s.file)),
    { ...config.options, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const convert = new Converter(checker);
  const out: Record<string, JsonSchema> = {};
  for (const { file, prefix } of SOURCES) {
    const source = program.getSourceFile(join(ROOT, file))!;
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ['get', 'post'].includes(node.expression.name.text) &&
        node.arguments.length >= 2 &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        const handler = node.arguments[node.arguments.length - 1];
        const signature = checker.getSignaturesOfType(checker.getTypeAtLocation(handler), ts.SignatureKind.Call)[0];
        if (signature) {
          let returned = checker.getReturnTypeOfSignature(signature);
          returned = checker.getAwaitedType(returned) ?? returned;
          const answers = (returned.isUnion() ? returned.types : [returned]).flatMap((m) => {
            const format = m.getProperty('_format');
            const data = m.getProperty('_data');
            const status = m.getProperty('_status');
            if (!format || !data || !status) return [];
            const formatType = checker.getTypeOfSymbol(format);
            const statusType = checker.getTypeOfSymbol(status);
            if (!(formatType.isStringLiteral() && formatType.value === 'json')) return [];
            if (statusType.isNumberLiteral() && (statusType.value < 200 || statusType.value > 299)) return [];
            return [checker.getTypeOfSymbol(data)];
          });
          const key = `${node.expression.name.text} ${prefix}${(node.arguments[0] as ts.StringLiteral).text}`;
          if (answers.length > 0 && !SELF_DESCRIBED.has(key)) {
            const schemas = answers.map((a) => convert.schema(a)).sort(byText);
            const unique = schemas.filter((s, i) => schemas.findIndex((o) => JSON.stringify(o) === JSON.stringify(s)) === i);
            out[key] = unique.length === 1 ? unique[0] : { anyOf: unique };
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
};

export const answerSchemasModule = (schemas: Record<string, JsonSchema>): string =>
  [
    '// Generated by `npm run openapi:answers` (server/http/answerSchemaGen.ts) from the types the routes',
    '// answer with: do not edit by hand. A test regenerates it and fails when it is out of date.',
    "import type { JsonSchema } from '../../core/shared/codec';",
    '',
    `export const ANSWER_SCHEMAS: Readonly<Record<string, JsonSchema>> = ${JSON.stringify(schemas, null, 1)};`,
    '',
  ].join('\n');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(HERE, 'answerSchemas.ts'), answerSchemasModule(answerSchemas()));
}
