import { Hono } from "hono";
import { outcomeJson } from "../../runtime/render.ts";
import { type ApprovalRow, getApproval, pendingApprovals } from "../../store/repos/approvals.ts";
import { requireRole } from "../auth.ts";
import { readJson } from "../body.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ServiceEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { DecisionBody, EditBody } from "../schemas.ts";

/** An approval row as the repository returns it, its JSON columns parsed. */
export function approvalJson(row: ApprovalRow) {
  return {
    ...row,
    action: JSON.parse(row.action) as unknown,
    edit: row.edit ? (JSON.parse(row.edit) as unknown) : null,
  };
}

/**
 * `/v1/approvals`: the pending list (viewer) and single-use decisions (approver), recorded under the key's
 * name; the run resumes through the same orchestrator call `growth approvals approve` makes.
 */
export function approvals(deps: ServiceDeps) {
  const app = new Hono<ServiceEnv>()
    .get("/", async function listApprovals(c) {
      return c.json({ approvals: (await pendingApprovals(deps.store.db)).map(approvalJson) });
    })
    .get("/:id", async function getOne(c) {
      const id = c.req.param("id");
      const row = await getApproval(deps.store.db, id);
      if (!row)
        throw new ApiError(
          404,
          "approval_unknown",
          `There is no approval ${id}; list them at GET /v1/approvals.`,
        );
      return c.json(approvalJson(row));
    });
  for (const verdict of ["approve", "reject", "edit"] as const) {
    app.post(`/:id/${verdict}`, requireRole("approver"), async function decide(c) {
      const hasBody = verdict === "edit" || (c.req.header("content-length") ?? "0") !== "0";
      const body = hasBody ? await readJson(c, verdict === "edit" ? EditBody : DecisionBody) : {};
      const { note, ...fields } = body as {
        note?: string;
        subject?: string;
        body?: string;
        discount?: number;
        terms?: string;
      };
      const edit =
        verdict === "edit"
          ? Object.fromEntries(
              Object.entries({
                subject: fields.subject,
                body: fields.body,
                discountPct: fields.discount,
                terms: fields.terms,
              }).filter(([, v]) => v !== undefined),
            )
          : undefined;
      const { outcome, waiting } = await deps.tasks.track(
        deps.orchestrator.decide(c.req.param("id"), {
          verdict,
          by: c.get("key").name,
          note: note ?? null,
          ...(edit ? { edit } : {}),
        }),
      );
      return c.json({ decided: c.req.param("id"), waiting, outcome: outcome ? outcomeJson(outcome) : null });
    });
  }
  return app;
}
