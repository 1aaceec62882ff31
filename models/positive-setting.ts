import { UserError } from "../domain/errors.ts";

type Env = Readonly<Record<string, string | undefined>>;

/** A setting that must be a positive number (a budget or a deadline); anything else names the setting. */
export function positive(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UserError(
      "model_setting_invalid",
      `${name}="${raw}" must be a positive number; set it or unset it.`,
    );
  }
  return value;
}
