import { Hono } from "hono";
import { deadLetterDetail, deadLetterList, discardDeadLetter } from "../../runtime/queries/dead-letters.ts";
import { outcomeJson } from "../../runtime/render.ts";
import { requireRole } from "../auth.ts";
import { readJson, readQuery } from "../body.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ServiceEnv } from "../env.ts";
import { DiscardBody, DlqQuery } from "../schemas.ts";

/** `/v1/dlq`: list and show dead letters (viewer), redrive or discard them (admin), as `growth dlq`. */
export function dlq(deps: ServiceDeps) {
  return new Hono<ServiceEnv>()
    .get("/", async function listDeadLetters(c) {
      const { all } = readQuery(c, DlqQuery);
      return c.json({ dead_letters: await deadLetterList(deps.store, all === "true") });
    })
    .get("/:id", async function showDeadLetter(c) {
      return c.json(await deadLetterDetail(deps.store, c.req.param("id")));
    })
    .post("/:id/redrive", requireRole("admin"), async function redrive(c) {
      return c.json(outcomeJson(await deps.tasks.track(deps.orchestrator.redrive(c.req.param("id")))));
    })
    .post("/:id/discard", requireRole("admin"), async function discard(c) {
      const hasBody = (c.req.header("content-length") ?? "0") !== "0";
      const { reason } = hasBody ? await readJson(c, DiscardBody) : {};
      const id = c.req.param("id");
      await discardDeadLetter(deps.store, id, reason ?? `discarded by ${c.get("key").name}`);
      return c.json({ id, status: "discarded" });
    });
}
