import type { ApiKeyView } from "../runtime/keys/index.ts";

/** What middleware hands the handlers: the caller's key once authenticated. */
export interface ServiceEnv {
  Variables: { key: ApiKeyView };
}
