// io-ts codecs as JSON Schema (2020-12, the dialect of OpenAPI 3.1), so the OpenAPI document
// describes exactly what the server decodes. io-ts's own combinators are read from their tags;
// hand-made codecs (refinements with a pattern or a range, closed objects, bounded lists) say
// what they accept with `withSchema` where they are made. A codec with neither is an error: the
// document must not guess.
import type * as t from 'io-ts';
import { schemaNoteOf, type JsonSchema } from '../../core/shared/codec';

type Tagged = t.Mixed & { readonly _tag?: string } & Record<string, any>;

const isPlainObject = (s: JsonSchema): boolean => s.type === 'object' && s.additionalProperties === undefined && typeof s.properties === 'object';

/** `t.type` and `t.partial` halves of one object merge into one object; anything else stays an allOf. */
const intersect = (parts: JsonSchema[]): JsonSchema => {
  if (!parts.every(isPlainObject)) return { allOf: parts };
  const properties = Object.assign({}, ...parts.map((p) => p.properties));
  const required = parts.flatMap((p) => (p.required as string[] | undefined) ?? []);
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
};

const object = (props: Record<string, t.Mixed>, required: boolean, closedObject: boolean): JsonSchema => ({
  type: 'object',
  properties: Object.fromEntries(Object.entries(props).map(([k, c]) => [k, toJsonSchema(c)])),
  ...(required && Object.keys(props).length > 0 ? { required: Object.keys(props) } : {}),
  ...(closedObject ? { additionalProperties: false } : {}),
});

export const toJsonSchema = (codec: t.Mixed): JsonSchema => {
  const note = schemaNoteOf(codec);
  if (note) return note(toJsonSchema);
  const c = codec as Tagged;
  switch (c._tag) {
    case 'StringType':
      return { type: 'string' };
    case 'NumberType':
      return { type: 'number' };
    case 'BooleanType':
      return { type: 'boolean' };
    case 'NullType':
      return { type: 'null' };
    case 'UnknownType':
    case 'AnyType':
      return {};
    case 'UnknownRecordType':
    case 'AnyDictionaryType':
      return { type: 'object' };
    case 'LiteralType':
      return { const: c.value };
    case 'KeyofType':
      return { type: 'string', enum: Object.keys(c.keys) };
    case 'InterfaceType':
      return object(c.props, true, false);
    case 'PartialType':
      return object(c.props, false, false);
    case 'StrictType':
    case 'ExactType': {
      const inner = toJsonSchema(c.type);
      return isPlainObject(inner) ? { ...inner, additionalProperties: false } : inner;
    }
    case 'IntersectionType':
      return intersect(c.types.map(toJsonSchema));
    case 'UnionType': {
      const members = (c.types as t.Mixed[]).map(toJsonSchema);
      return members.every((m) => 'const' in m) ? { enum: members.map((m) => m.const) } : { anyOf: members };
    }
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return { type: 'array', items: toJsonSchema(c.type) };
    case 'ReadonlyType':
      return toJsonSchema(c.type);
    case 'TupleType':
      return { type: 'array', prefixItems: c.types.map(toJsonSchema), minItems: c.types.length, maxItems: c.types.length };
    case 'DictionaryType': {
      const keys = toJsonSchema(c.domain);
      return { type: 'object', additionalProperties: toJsonSchema(c.codomain), ...(keys.type === 'string' && Object.keys(keys).length === 1 ? {} : { propertyNames: keys }) };
    }
    case 'RefinementType':
      // t.Int is the one refinement io-ts names; others need a note to say what they refine to
      if (c.name === 'Int') return { type: 'integer' };
      throw new Error(`codec ${c.name} is a refinement without a schema note (withSchema in core/shared/codec.ts)`);
    default:
      throw new Error(`codec ${c.name} (${c._tag ?? 'hand-made'}) has no JSON Schema: give it one with withSchema where it is made`);
  }
};
