import { Hono } from "hono";
import { approvalViews } from "../../runtime/approvals/view.ts";
import { outcomeJson } from "../../runtime/render.ts";
import { requireRole } from "../auth.ts";
import { readJson } from "../body.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ServiceEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { DecisionBody, EditBody } from "../schemas.ts";

/**
 * `/v1/approvals`: the pending list (viewer) and single-use decisions (approver), recorded under the key's
 * name; the run resumes through the same orchestrator call `growth approvals approve` makes.
 */
export function approvals(deps: ServiceDeps) {
  const app = new Hono<ServiceEnv>()
    .get("/", async function listApprovals(c) {
      // The same view `growth approvals --json` and chat show: recipient, full body, offer, audience, guard.
      return c.json({ approvals: await approvalViews(deps.store.db, { pending: true }) });
    })
    .get("/:id", async function getOne(c) {
      const id = c.req.param("id");
      const [view] = await approvalViews(deps.store.db, { ids: [id] });
      if (!view)
        throw new ApiError(
          404,
          "approval_unknown",
          `There is no approval ${id}; list them at GET /v1/approvals.`,
        );
      return c.json(view);
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
