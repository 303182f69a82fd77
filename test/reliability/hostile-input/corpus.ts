import fc from 'fast-check';

/** One hostile request body, with what it is and (for field mutations) the field that must be named. */
export interface HostilePayload {
  readonly kind: 'malformed' | 'wrong-type' | 'overlong' | 'injection' | 'nested' | 'generated' | 'pollution' | 'content-type';
  readonly label: string;
  readonly rawBody: string | Buffer;
  readonly contentType?: string;
  /** Dotted path of the field the rejection must name. */
  readonly field?: string;
}

/** Strings that have broken parsers, templates, queries and logs elsewhere. */
export const INJECTIONS: readonly string[] = [
  "' OR '1'='1'; DROP TABLE events; --",
  '<script>alert(document.cookie)</script>',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '${jndi:ldap://127.0.0.1/a}',
  '../../../../etc/passwd',
  '{"$gt": ""}',
  'line one\r\nX-Injected: header',
  'nul\u0000byte',
  '\u202Eevil\u202D rtl',
  '𝕴𝖒𝖊𝖗𝖆 🔥 \uD800',
  'A'.repeat(64) + '(a+)+$',
];

const MALFORMED: ReadonlyArray<[string, string | Buffer]> = [
  ['empty body', ''],
  ['truncated object', '{"notificationId": '],
  ['trailing comma', '{"a": 1,}'],
  ['single quotes', "{'a': 1}"],
  ['bare word', 'undefined'],
  ['JSON null', 'null'],
  ['JSON array', '[]'],
  ['JSON string', '"text"'],
  ['JSON number', '1e309'],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])],
  ['byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')])],
  ['duplicate keys', '{"a": 1, "a": {"b": 2}}'],
  ['NaN literal', '{"a": NaN}'],
];

export function malformedPayloads(): HostilePayload[] {
  return MALFORMED.map(([label, rawBody]) => ({ kind: 'malformed', label, rawBody }));
}

export function pollutionPayloads(valid: Record<string, unknown>): HostilePayload[] {
  const base = JSON.stringify(valid).slice(1, -1);
  return [
    { kind: 'pollution', label: '__proto__ key', rawBody: `{${base}${base ? ',' : ''}"__proto__": {"role": "crisis-cell"}}` },
    { kind: 'pollution', label: 'constructor.prototype key', rawBody: `{${base}${base ? ',' : ''}"constructor": {"prototype": {"isAdmin": true}}}` },
  ];
}

export function contentTypePayloads(valid: Record<string, unknown>): HostilePayload[] {
  const json = JSON.stringify(valid);
  return [
    { kind: 'content-type', label: 'text/plain', rawBody: json, contentType: 'text/plain' },
    { kind: 'content-type', label: 'form-urlencoded', rawBody: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { kind: 'content-type', label: 'xml', rawBody: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', contentType: 'application/xml' },
  ];
}

export function nestedPayloads(): HostilePayload[] {
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return [
    { kind: 'nested', label: 'objects 17 deep', rawBody: nested(17) },
    { kind: 'nested', label: 'objects 5,000 deep', rawBody: nested(5_000) },
    { kind: 'nested', label: 'arrays 50,000 deep', rawBody: `${'['.repeat(50_000)}${']'.repeat(50_000)}` },
  ];
}

type Leaf = { path: string[]; value: unknown };

/** Every leaf of a JSON value with its path (array items by index). */
export function leaves(value: unknown, path: string[] = []): Leaf[] {
  if (Array.isArray(value)) return value.length === 0 ? [{ path, value }] : value.flatMap((item, index) => leaves(item, [...path, String(index)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [{ path, value }];
}

function replaced(value: unknown, path: readonly string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (String(index) === head ? replaced(item, rest, replacement) : item));
  return { ...(value as Record<string, unknown>), [head]: replaced((value as Record<string, unknown>)[head], rest, replacement) };
}

/** A value of another JSON type than the one the field holds (not null: an optional field may be null). */
function wrongTypes(value: unknown): unknown[] {
  if (typeof value === 'string') return [12345, ['x'], { value }];
  if (typeof value === 'number') return [String(value), true, [value]];
  if (typeof value === 'boolean') return [String(value), 1];
  if (Array.isArray(value)) return ['not a list', { 0: 'x' }];
  return ['not an object', 7];
}

/** Each field of a valid body replaced by values of the wrong type: the rejection must name that field. */
export function wrongTypePayloads(valid: Record<string, unknown>): HostilePayload[] {
  return leaves(valid).flatMap(({ path, value }) =>
    wrongTypes(value).map((wrong) => ({
      kind: 'wrong-type' as const,
      label: `${path.join('.')} as ${JSON.stringify(wrong)}`,
      rawBody: JSON.stringify(replaced(valid, path, wrong)),
      field: path.join('.'),
    })),
  );
}

/** Each text field made far longer than any text the system takes (10,001 characters). */
export function overlongPayloads(valid: Record<string, unknown>): HostilePayload[] {
  return leaves(valid)
    .filter(({ value }) => typeof value === 'string')
    .map(({ path }) => ({ kind: 'overlong' as const, label: `${path.join('.')} of 10,001 characters`, rawBody: JSON.stringify(replaced(valid, path, 'x'.repeat(10_001))), field: path.join('.') }));
}

/**
 * Each injection string in every text field at once, plus one field the DTO does not know, so the body
 * must be refused whatever the text fields accept: the strings must pass through validation harmlessly.
 */
export function injectionPayloads(valid: Record<string, unknown>): HostilePayload[] {
  const texts = leaves(valid).filter(({ value }) => typeof value === 'string');
  return INJECTIONS.map((injection) => {
    const body = texts.reduce<unknown>((current, { path }) => replaced(current, path, injection), valid) as Record<string, unknown>;
    return { kind: 'injection' as const, label: `every text field = ${JSON.stringify(injection.slice(0, 24))}`, rawBody: JSON.stringify({ ...body, $where: injection }), field: '$where' };
  });
}

/** Percent-encodes the UTF-8 bytes of any text, lone surrogates included (as U+FFFD), for a URL. */
export function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}

/** Random JSON values from a seeded generator: none is a valid body. */
export function generatedPayloads(seed: number, count: number): HostilePayload[] {
  return fc
    .sample(fc.jsonValue({ maxDepth: 4 }), { seed, numRuns: count })
    .map((value, index) => ({ kind: 'generated' as const, label: `generated #${index}`, rawBody: JSON.stringify(value) ?? 'null' }));
}
