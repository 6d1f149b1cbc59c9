// Configuration text → configuration and its problems, each at its place in the text. Never throws:
// a syntax error, a wrong type or an unknown key is a problem to report, and whatever is valid is
// still used. Parsed with Microsoft's jsonc-parser (comments, trailing commas: the parser VS Code
// itself uses for settings.json) and validated with ajv against the schema shipped in the package,
// the same file VS Code uses for completion and hover (package.json `contributes.jsonValidation`),
// compiled ahead of time.

import type { ErrorObject } from 'ajv';
// The ES module build: the package's UMD main hides its inner requires from bundlers (esbuild leaves
// `require('./impl/format')` in the bundle, which then fails at run time).
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { LineIndex } from '../line-index.js';
import type { ConfigProblem, InterviewNotesConfig, ParsedConfig } from './types.js';
// The schema compiled ahead of time by ajv (scripts/generate-config-validator.mjs): no schema
// compilation, and so no `new Function`, at run time.
import { validate as validateSchema } from './validate-schema.generated.js';

/** The key that holds the configuration inside package.json. */
export const PACKAGE_JSON_KEY = 'interview-notes';

export type ConfigSyntax = 'jsonc' | 'package.json';

interface Validate {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const validate = (): Validate => validateSchema as Validate;

/**
 * Parses a configuration file's text. `package.json` takes the `interview-notes` key (a package.json
 * without it has no configuration: `config` undefined, no problems).
 */
export function parseConfig(text: string, syntax: ConfigSyntax = 'jsonc'): ParsedConfig {
  const index = new LineIndex(text);
  const at = (offset: number, length: number, message: string, kind: ConfigProblem['kind']): ConfigProblem => {
    const { line, column } = index.lineColumnAt(offset);
    return { message, offset, length, line, column, kind };
  };
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { allowTrailingComma: syntax === 'jsonc', disallowComments: syntax === 'package.json' });
  // jsonc-parser may report one place twice (e.g. an unclosed object at the end of the text).
  const problems = syntaxErrors
    .filter((e, i) => syntaxErrors.findIndex((o) => o.offset === e.offset && o.error === e.error) === i)
    .map((e) => at(e.offset, e.length, describeSyntaxError(e), 'syntax'));
  if (problems.length > 0 || !tree) {
    if (problems.length === 0) problems.push(at(0, 0, 'empty file: expected a JSON object', 'syntax'));
    return { config: undefined, problems };
  }
  let root: Node | undefined = tree;
  if (syntax === 'package.json') {
    root = tree.type === 'object' ? findNodeAtLocation(tree, [PACKAGE_JSON_KEY]) : undefined;
    if (!root) return { config: undefined, problems: [] };
  }
  const value = nodeValue(root);
  const check = validate();
  if (check(value)) return { config: value as InterviewNotesConfig, problems: [] };
  const errors = (check.errors ?? []).filter(isUseful);
  for (const e of errors) {
    const node = nodeOf(root, e);
    problems.push(at(node.offset, node.length, describeSchemaError(e), 'schema'));
  }
  problems.sort((a, b) => a.offset - b.offset);
  return { config: withoutInvalid(value, errors), problems };
}

/** The JSON value of a node, built by hand so that a `__proto__` key stays plain data. */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.children ?? []) {
        const [key, value] = p.children ?? [];
        if (key && value) Object.defineProperty(out, key.value as string, { value: nodeValue(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Where a schema error points: the unknown key itself, else the offending value. */
function nodeOf(root: Node, e: ErrorObject): { offset: number; length: number } {
  const node = findNodeAtLocation(root, pathOf(e.instancePath)) ?? root;
  if (e.keyword === 'additionalProperties' && node.type === 'object') {
    const name = (e.params as { additionalProperty: string }).additionalProperty;
    const key = node.children?.find((p) => p.children?.[0]?.value === name)?.children?.[0];
    if (key) return key;
  }
  return node;
}

/** `type` errors alongside a `type: [integer, null]` or an enum say the same thing twice: keep one. */
function isUseful(e: ErrorObject, i: number, all: ErrorObject[]): boolean {
  return all.findIndex((o) => o.instancePath === e.instancePath && o.keyword === e.keyword && JSON.stringify(o.params) === JSON.stringify(e.params)) === i;
}

function describeSyntaxError(e: ParseError): string {
  const words = printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `syntax error: ${words}`;
}

function describeSchemaError(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the configuration' : `"${pathOf(e.instancePath).join('.')}"`;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = (e.params as { additionalProperty: string }).additionalProperty;
      return `unknown key "${name}" in ${where}`;
    }
    case 'enum':
      return `${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${where} ${e.message ?? 'is not valid'}`;
  }
}

/**
 * The configuration without the values the schema rejected, so that one typo does not throw away a
 * whole file: each error's value (or unknown key) is removed; a root that is not an object gives none.
 */
function withoutInvalid(value: unknown, errors: readonly ErrorObject[]): InterviewNotesConfig | undefined {
  if (!isRecord(value)) return undefined;
  const copy = structuredClone(value) as Record<string, unknown>;
  // Deepest first, so that removing an array item does not shift the index of another error.
  const paths = errors
    .map((e) => {
      const path = pathOf(e.instancePath);
      return e.keyword === 'additionalProperties' ? [...path, (e.params as { additionalProperty: string }).additionalProperty] : path;
    })
    .sort((a, b) => b.length - a.length || String(b.at(-1)).localeCompare(String(a.at(-1)), 'en', { numeric: true }));
  for (const path of paths) {
    if (path.length === 0) return undefined;
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown> | undefined)?.[key];
    const last = path.at(-1)!;
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else if (isRecord(parent)) delete parent[last];
  }
  return copy as InterviewNotesConfig;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
