/** A JSON schema node, as the SDKs send a tool's parameters. */
export type JsonSchema = { readonly [key: string]: unknown };

const FILLER = "Not enough information in the request to say more.";

/**
 * The smallest value that fits a JSON schema: required properties only, null where null is allowed, the first
 * enum value, the fewest array items, bounds respected. The scripted eval model answers with it.
 */
export function minimalValue(schema: JsonSchema, name = "value"): unknown {
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ("default" in schema) return schema.default;
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(options)) {
    const nullable = options.find((o) => o.type === "null");
    return nullable ? null : minimalValue(options[0] ?? {}, name);
  }
  if (Array.isArray(schema.allOf)) return minimalValue((schema.allOf[0] as JsonSchema) ?? {}, name);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  if (types.includes("null")) return null;
  switch (types[0]) {
    case "object":
      return minimalObject(schema);
    case "array":
      return Array.from({ length: Number(schema.minItems ?? 0) }, () =>
        minimalValue((schema.items as JsonSchema) ?? {}, name),
      );
    case "string":
      return minimalString(schema, name);
    case "integer":
    case "number":
      return minimalNumber(schema, types[0] === "integer");
    case "boolean":
      return false;
    default:
      return null;
  }
}

function minimalObject(schema: JsonSchema): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required ?? []) as string[];
  return Object.fromEntries(required.map((key) => [key, minimalValue(properties[key] ?? {}, key)]));
}

function minimalString(schema: JsonSchema, name: string): string {
  if (schema.format === "email") return "unknown@example.com";
  if (schema.format === "date-time") return "2026-01-01T00:00:00.000Z";
  if (schema.format === "date") return "2026-01-01";
  if (schema.format === "uri" || schema.format === "url") return "https://example.com";
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Number.POSITIVE_INFINITY);
  const text = name === "summary" || name === "reason" ? FILLER : min > 0 ? name : "";
  return text.padEnd(min, ".").slice(0, max);
}

function minimalNumber(schema: JsonSchema, integer: boolean): number {
  const min =
    schema.minimum ??
    (schema.exclusiveMinimum === undefined ? undefined : Number(schema.exclusiveMinimum) + 1);
  const value = min === undefined ? 0 : Number(min);
  return integer ? Math.ceil(value) : value;
}
