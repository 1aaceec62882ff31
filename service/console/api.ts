import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError } from "../errors.ts";

/** Reads one `/v1` resource as the caller: same key, same roles, same errors. */
export type ApiRead = <T>(path: string) => Promise<T>;

/**
 * A reader of the service's own `/v1` API, in process, with the caller's `Authorization` header: the console
 * renders only what the API answers that key, and an API refusal is the page's refusal.
 */
export function apiReader(fetch: (request: Request) => Promise<Response>, authorization: string): ApiRead {
  return async function readApi<T>(path: string): Promise<T> {
    const res = await fetch(new Request(`http://console.local${path}`, { headers: { authorization } }));
    const body = (await res.json()) as unknown;
    if (!res.ok) {
      const error = (body as { error?: { code?: string; message?: string } }).error;
      throw new ApiError(
        res.status as ContentfulStatusCode,
        error?.code ?? "http_error",
        error?.message ?? `GET ${path} answered ${res.status}.`,
      );
    }
    return body as T;
  };
}
