/** Who is at fault, which decides what happens next: fix input, retry, repair, or stop. */
export type FaultKind = "user" | "system" | "model" | "tool" | "policy";

/** Whether retrying can help: transient (retry), permanent (don't), policy (never retried, surfaced). */
export type ErrorClass = "transient" | "permanent" | "policy";

interface ErrorOptions {
  cause?: unknown;
  transient?: boolean;
  details?: Record<string, unknown>;
}

/** The root of our one shallow error tree; `message` tells the reader what to do. */
export class GrowthError extends Error {
  readonly code: string;
  readonly kind: FaultKind;
  readonly errorClass: ErrorClass;
  readonly details: Record<string, unknown>;

  constructor(kind: FaultKind, code: string, message: string, options: ErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.kind = kind;
    this.errorClass = kind === "policy" ? "policy" : options.transient ? "transient" : "permanent";
    this.details = options.details ?? {};
  }
}

/** Bad input from a person or a file: fix it and try again. */
export class UserError extends GrowthError {
  constructor(code: string, message: string, options: ErrorOptions = {}) {
    super("user", code, message, options);
  }
}

/** Our own infrastructure failed (database, network, provider); may be transient. */
export class SystemError extends GrowthError {
  constructor(code: string, message: string, options: ErrorOptions = {}) {
    super("system", code, message, options);
  }
}

/** A model returned something unusable; it may be asked to repair it once. */
export class ModelError extends GrowthError {
  constructor(code: string, message: string, options: ErrorOptions = {}) {
    super("model", code, message, options);
  }
}

/** A tool refused or failed; the message goes back to the model as text. */
export class ToolError extends GrowthError {
  constructor(code: string, message: string, options: ErrorOptions = {}) {
    super("tool", code, message, options);
  }
}

/** A rule forbids the action; never retried, always surfaced. */
export class PolicyError extends GrowthError {
  constructor(code: string, message: string, options: ErrorOptions = {}) {
    super("policy", code, message, options);
  }
}

/** Classifies any thrown value; unknown errors count as permanent system faults. */
export function classifyError(error: unknown): ErrorClass {
  return error instanceof GrowthError ? error.errorClass : "permanent";
}
