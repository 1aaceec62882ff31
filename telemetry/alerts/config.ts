import { readFileSync } from "node:fs";
import { isNode, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { AGENT_IDS } from "../../domain/agents.ts";
import { UserError } from "../../domain/errors.ts";
import { PLAYS } from "../../graph/routes.ts";

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "use lower-case letters, digits, '.', '_' or '-'")
  .describe("The alert's id: its events, webhook body and metric label carry it");
const windowMinutes = z
  .number()
  .int()
  .positive()
  .max(10_080)
  .describe("The window the alert looks back over, in minutes");

/** One SLA threshold; `type` says what it watches. */
export const AlertRule = z.discriminatedUnion("type", [
  z
    .object({
      id,
      type: z.literal("agent_p95_latency"),
      agent: z.enum(AGENT_IDS).optional().describe("One agent; every agent (each on its own) when absent"),
      max_ms: z
        .number()
        .positive()
        .describe("Raised when the agent's p95 run time over the window is above this"),
      window_minutes: windowMinutes.default(60),
      min_samples: z
        .number()
        .int()
        .positive()
        .default(5)
        .describe("Fewer agent runs than this in the window: no verdict"),
    })
    .strict(),
  z
    .object({
      id,
      type: z.literal("error_rate"),
      max_rate: z
        .number()
        .min(0)
        .max(1)
        .describe("Raised when failed / finished runs in the window is above this"),
      window_minutes: windowMinutes.default(60),
      min_runs: z.number().int().positive().default(1),
    })
    .strict(),
  z
    .object({
      id,
      type: z.literal("dead_letters_growing"),
      max_open: z
        .number()
        .int()
        .min(0)
        .default(0)
        .describe("Raised when more dead letters than this are open"),
      max_new: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe("Or when more than this were recorded in the window"),
      window_minutes: windowMinutes.default(60),
    })
    .strict(),
  z
    .object({
      id,
      type: z.literal("approvals_waiting"),
      max_hours: z.number().positive().describe("Raised when an approval has waited longer than this"),
    })
    .strict(),
  z
    .object({
      id,
      type: z.literal("play_missed_slot"),
      play: z.enum(PLAYS.map((p) => p.name) as [string, ...string[]]),
      grace_minutes: z.number().int().min(0).default(15).describe("How late a slot's run may start"),
    })
    .strict(),
  z
    .object({
      id,
      type: z.literal("budget_nearly_spent"),
      at_ratio: z
        .number()
        .gt(0)
        .max(1)
        .default(0.9)
        .describe("Raised when today's spend reaches this share of the day budget"),
    })
    .strict(),
]);
export type AlertRule = z.infer<typeof AlertRule>;

/** The alerts file: thresholds, how often `serve` evaluates them, and an optional webhook. */
export const AlertsFile = z
  .object({
    interval_seconds: z
      .number()
      .int()
      .positive()
      .default(60)
      .describe("How often serve evaluates the alerts"),
    webhook: z
      .object({
        url: z.url({ protocol: /^https?$/ }).describe("Receives a JSON POST per raised or cleared alert"),
        attempts: z.number().int().min(1).max(10).default(4).describe("Total attempts per delivery"),
        timeout_ms: z.number().int().positive().max(60_000).default(5_000),
      })
      .strict()
      .optional(),
    alerts: z.array(AlertRule).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.alerts.forEach((a, i) => {
      if (seen.has(a.id))
        ctx.addIssue({ code: "custom", path: ["alerts", i, "id"], message: `id "${a.id}" is used twice` });
      seen.add(a.id);
    });
  });
export type AlertsFile = z.infer<typeof AlertsFile>;

/**
 * Reads an alerts file (YAML, or JSON, which YAML reads too). A malformed one is a UserError (exit 2) naming the
 * file, the line and the field, e.g. `alerts.yaml:7: alerts.1.max_rate: Too big: expected number to be <=1`.
 */
export function loadAlertsFile(path: string): AlertsFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(
      "alerts_file_unreadable",
      `Cannot read the alerts file ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return parseAlerts(text, path);
}

/** Parses the text of an alerts file; `path` names it in errors. */
export function parseAlerts(text: string, path: string): AlertsFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line } = lines.linePos(syntax.pos[0]);
    throw new UserError("alerts_file_invalid", `${path}:${line}: ${syntax.message.split("\n")[0]}`);
  }
  const parsed = AlertsFile.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => {
    // An unknown key is named by its own path, so the line is the key's.
    const at = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : issue.path;
    const field = at.join(".") || "(file)";
    return `${path}:${lineOf(doc, lines, at)}: ${field}: ${issue.message}`;
  });
  throw new UserError("alerts_file_invalid", `The alerts file is invalid:\n  ${issues.join("\n  ")}`, {
    details: { file: path, issues },
  });
}

/** The line of the deepest node on a path that exists (a missing field: the line of its parent). */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  path: readonly PropertyKey[],
): number {
  for (let n = path.length; n >= 0; n -= 1) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}
