import type { Context } from "hono";
import type { z } from "zod";
import { DomainError } from "../domain-error.js";

/** Reads and validates a JSON body; a bad one is a 400 with the offending fields. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text();
  let body: unknown = {};
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      throw new DomainError("invalid_json", "Request body is not valid JSON");
    }
  }
  return parseOrThrow(schema, body);
}

/** Validates route parameters the same way as bodies. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    const summary = fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join("; ");
    throw new DomainError("invalid_input", summary, fields);
  }
  return result.data;
}
