/** A JSON schema node as the tool specs carry it. */
type Node = Record<string, unknown>;

// OpenAI's strict mode: the string formats and the number and array bounds it accepts.
const FORMATS = new Set([
  "date-time",
  "time",
  "date",
  "duration",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "uuid",
]);
const NUMBER_BOUNDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"] as const;

class Unrepresentable extends Error {}

/**
 * A tool's JSON schema in the subset OpenAI's strict structured output accepts, or null when it does not fit
 * (an open object or record, a schema that allows anything): every object closed (`additionalProperties:
 * false`) with all its properties required, an optional property made nullable instead, `oneOf` as `anyOf`,
 * and the keywords strict mode refuses (defaults, string lengths) left out. What the model answers still goes
 * through the full zod schema, after `withoutAddedNulls` takes back the nulls strict mode made it write.
 */
export function strictJsonSchema(schema: Node): Node | null {
  try {
    return strict(schema);
  } catch (error) {
    if (error instanceof Unrepresentable) return null;
    throw error;
  }
}

function strict(node: Node): Node {
  const described = typeof node.description === "string" ? { description: node.description } : {};
  const options = (node.anyOf ?? node.oneOf) as Node[] | undefined;
  if (Array.isArray(options)) return { anyOf: options.map(strict), ...described };
  if ("const" in node) return { const: node.const, ...described };
  if (Array.isArray(node.enum)) return { ...typed(node), enum: node.enum, ...described };
  const types = typesOf(node);
  if (types.length === 0) throw new Unrepresentable(`a schema that allows anything: ${JSON.stringify(node)}`);
  const out: Node = { type: node.type, ...described };
  if (types.includes("object")) {
    const properties = (node.properties ?? {}) as Record<string, Node>;
    if (Object.keys(properties).length === 0 || (node.additionalProperties ?? false) !== false)
      throw new Unrepresentable(`an open object: ${JSON.stringify(node).slice(0, 200)}`);
    const required = new Set((node.required ?? []) as string[]);
    out.properties = Object.fromEntries(
      Object.entries(properties).map(([key, value]) => [
        key,
        required.has(key) ? strict(value) : nullable(strict(value)),
      ]),
    );
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  }
  if (types.includes("array")) {
    if (!node.items || typeof node.items !== "object") throw new Unrepresentable("an array of anything");
    if (JSON.stringify(node.items) === '{"not":{}}') return { ...out, items: { type: "null" }, maxItems: 0 };
    out.items = strict(node.items as Node);
    for (const key of ["minItems", "maxItems"]) if (key in node) out[key] = node[key];
  }
  if (types.includes("string")) {
    if (typeof node.format === "string" && FORMATS.has(node.format)) out.format = node.format;
    else if (typeof node.pattern === "string") out.pattern = node.pattern;
  }
  if (types.includes("number") || types.includes("integer"))
    for (const key of NUMBER_BOUNDS) if (key in node) out[key] = node[key];
  return out;
}

function typesOf(node: Node): string[] {
  if (Array.isArray(node.type)) return node.type as string[];
  return typeof node.type === "string" ? [node.type] : [];
}

function typed(node: Node): Node {
  return node.type === undefined ? {} : { type: node.type };
}

/** The same schema, also accepting null. */
function nullable(node: Node): Node {
  if (acceptsNull(node)) return node;
  if (Array.isArray(node.anyOf)) return { ...node, anyOf: [...node.anyOf, { type: "null" }] };
  if ("const" in node) return { anyOf: [node, { type: "null" }] };
  const types = typesOf(node);
  const withNull: Node = types.length > 0 ? { ...node, type: [...types, "null"] } : { ...node };
  if (Array.isArray(node.enum)) withNull.enum = [...node.enum, null];
  return withNull;
}

function acceptsNull(node: Node): boolean {
  if (typesOf(node).includes("null")) return true;
  const options = (node.anyOf ?? node.oneOf) as Node[] | undefined;
  return Array.isArray(options) && options.some(acceptsNull);
}

/**
 * Takes back the nulls strict mode made a model write: a property the original schema does not require and
 * does not let be null, answered null, is dropped (so zod applies its default or leaves it out).
 */
export function withoutAddedNulls(value: unknown, schema: Node): unknown {
  if (Array.isArray(value)) {
    const items = schema.items as Node | undefined;
    return items ? value.map((item) => withoutAddedNulls(item, items)) : value;
  }
  if (!value || typeof value !== "object") return value;
  const options = (schema.anyOf ?? schema.oneOf) as Node[] | undefined;
  if (Array.isArray(options)) {
    const option =
      options.find((o) => matchesConsts(value as Node, o)) ?? options.find((o) => "properties" in o);
    return option ? withoutAddedNulls(value, option) : value;
  }
  const properties = (schema.properties ?? {}) as Record<string, Node>;
  const required = new Set((schema.required ?? []) as string[]);
  const out: Node = {};
  for (const [key, field] of Object.entries(value as Node)) {
    const property = properties[key];
    if (field === null && property && !required.has(key) && !acceptsNull(property)) continue;
    out[key] = property ? withoutAddedNulls(field, property) : field;
  }
  return out;
}

/** Whether every `const` property of an object option (a discriminated union's tag) matches the value. */
function matchesConsts(value: Node, option: Node): boolean {
  const properties = (option.properties ?? {}) as Record<string, Node>;
  const tags = Object.entries(properties).filter(([, p]) => "const" in p);
  return tags.length > 0 && tags.every(([key, p]) => value[key] === p.const);
}
