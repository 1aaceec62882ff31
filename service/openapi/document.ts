import { z } from "zod";
import { ErrorBody } from "../schemas.ts";
import { OPERATIONS, type Operation } from "./table.ts";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

function operation(op: Operation) {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = op.query
    ? Object.entries(op.query.shape).map(([name, schema]) => ({
        name,
        in: "query",
        required: false,
        schema: json(schema as z.ZodType),
      }))
    : [];
  return {
    summary: op.summary,
    ...(op.role === "none"
      ? { security: [] }
      : { description: `Needs a key with role ${op.role} or above.` }),
    parameters: [...params, ...query],
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: json(op.body) } } } }
      : {}),
    responses: {
      "200": {
        description: "OK",
        content: op.sse ? { "text/event-stream": {}, "application/json": {} } : { "application/json": {} },
      },
      default: { description: "An error", content: { "application/json": { schema: json(ErrorBody) } } },
    },
  };
}

/** The OpenAPI 3.1 document of the service, generated from the operation table and its zod schemas. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operation(op);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Growth Engine", version: "1", description: "The HTTP API of `growth serve`." },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        apiKey: { type: "apiKey", in: "header", name: "x-api-key" },
      },
    },
    security: [{ bearer: [] }, { apiKey: [] }],
    paths,
  };
}
