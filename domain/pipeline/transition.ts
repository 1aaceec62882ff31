import { isClosed, STAGES, type Stage } from "./stages.ts";

/** Why a stage move is refused; each code has a message that tells the user what to do. */
export type TransitionCode =
  | "same_stage"
  | "closed_terminal"
  | "reopen_reason_required"
  | "lost_reason_required"
  | "backward_reason_required";

/** The verdict on a stage move. */
export type TransitionCheck = { ok: true } | { ok: false; code: TransitionCode; message: string };

/** What accompanies a stage move: the reason (required for backward, lost and reopening moves) and the reopen flag. */
export interface TransitionOptions {
  reason?: string | undefined;
  reopen?: boolean | undefined;
}

const OK: TransitionCheck = { ok: true };

/**
 * Checks a stage move (`from` null means the opportunity is being created): forward moves are free,
 * backward moves and closed_lost need a reason, closed stages only move when reopened with a reason.
 */
export function checkTransition(
  from: Stage | null,
  to: Stage,
  opts: TransitionOptions = {},
): TransitionCheck {
  const hasReason = (opts.reason ?? "").trim() !== "";
  if (from === to) {
    return refuse("same_stage", `The opportunity is already in "${to}"; there is nothing to move.`);
  }
  if (from !== null && isClosed(from)) {
    if (!opts.reopen) {
      return refuse(
        "closed_terminal",
        `The opportunity is ${from}, which is final; to move it to "${to}", reopen it (reopen: true) and give a reason.`,
      );
    }
    if (!hasReason) {
      return refuse(
        "reopen_reason_required",
        `Reopening a ${from} opportunity needs a reason; say why it moves back to "${to}".`,
      );
    }
    return OK;
  }
  if (to === "closed_lost" && !hasReason) {
    return refuse(
      "lost_reason_required",
      `Moving to closed_lost needs a reason; give the lost reason (e.g. "Chose a competitor").`,
    );
  }
  if (from !== null && to !== "closed_lost" && STAGES.indexOf(to) < STAGES.indexOf(from) && !hasReason) {
    return refuse(
      "backward_reason_required",
      `Moving back from "${from}" to "${to}" needs a reason; say what changed, or move forward instead.`,
    );
  }
  return OK;
}

function refuse(code: TransitionCode, message: string): TransitionCheck {
  return { ok: false, code, message };
}
