// The JSON Schema node for a document path: properties for keys, items for list indexes,
// local `$ref`s followed. Hover and completion read descriptions, enums and expected forms here,
// so the schema stays the one source of truth for the document's shape.
import strategySchema from '../../../../schemas/strategy.schema.json';
import type { Path } from '../types';

export interface SchemaNode {
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  'x-expected'?: string;
  $ref?: string;
}

const root = strategySchema as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

/**
 * A node with its `$ref` replaced by the definition it points at. The referring node's own
 * keywords win: a property's description says what the value means there, the definition's
 * what kind of value it is.
 */
export function resolve(node: SchemaNode | undefined, depth = 0): SchemaNode | undefined {
  if (!node || !node.$ref || depth > 10) return node;
  const m = /^#\/definitions\/(.+)$/.exec(node.$ref);
  const target = m ? resolve(root.definitions[m[1]], depth + 1) : undefined;
  const { $ref: _ref, ...own } = node;
  return { ...target, ...own };
}

function hasType(node: SchemaNode, type: string): boolean {
  if (node.type === undefined) return type === 'object' ? node.properties !== undefined : type === 'array' ? node.items !== undefined : false;
  return Array.isArray(node.type) ? node.type.includes(type) : node.type === type;
}

export function isObject(node: SchemaNode | undefined): boolean {
  return !!node && hasType(node, 'object');
}

export function isArray(node: SchemaNode | undefined): boolean {
  return !!node && hasType(node, 'array');
}

/** The resolved schema of the value at `path`, or undefined where the schema allows nothing. */
export function schemaAt(path: Path): SchemaNode | undefined {
  let node = resolve(root);
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = isArray(node) ? resolve(node.items) : undefined;
    else node = isObject(node) ? resolve(node.properties?.[segment]) : undefined;
  }
  return node;
}

export interface KeyInfo {
  key: string;
  description: string;
  required: boolean;
  schema: SchemaNode;
}

/** The keys the map at `path` may hold, in schema order. */
export function allowedKeys(path: Path): KeyInfo[] {
  const node = schemaAt(path);
  if (!isObject(node) || !node!.properties) return [];
  const required = new Set(node!.required ?? []);
  return Object.entries(node!.properties).map(([key, raw]) => {
    const schema = resolve(raw)!;
    return { key, description: schema.description ?? '', required: required.has(key), schema };
  });
}

/** Enum values (or the one `const`) allowed at `path`, as text. */
export function enumValues(path: Path): string[] {
  const node = schemaAt(path);
  if (!node) return [];
  if (node.enum) return node.enum.map(String);
  if (node.const !== undefined) return [String(node.const)];
  if (hasType(node, 'boolean')) return ['true', 'false'];
  return [];
}

/** What a value at `path` should look like, in words (dates, durations, cadences, ids), when the schema says. */
export function expectedForm(node: SchemaNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node['x-expected']) return node['x-expected'];
  if (node.enum) return `one of ${node.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (hasType(node, 'number') && (node.minimum !== undefined || node.maximum !== undefined)) {
    return `a number${node.minimum !== undefined ? ` from ${node.minimum}` : ''}${node.maximum !== undefined ? ` to ${node.maximum}` : ''}`;
  }
  return undefined;
}

/** The id pattern of the schema, for renames. */
export const ID_PATTERN = new RegExp(root.definitions.id.pattern!);
