import { describe, expect, it } from "vitest";
import { validateEvent } from "../../domain/events.ts";
import type { KpiRow } from "../../tools/analytics/kpi-compare.ts";
import { findDrops, KPI_DROP_THRESHOLD, kpiDroppedEvent, kpiInText } from "./kpi-drops.ts";

const row = (
  metric: KpiRow["metric"],
  previous: number,
  current: number,
  channel: string | null = null,
): KpiRow => ({
  metric,
  channel,
  previous,
  current,
  change: previous === 0 ? null : (current - previous) / previous,
});

describe("findDrops", () => {
  it("flags watched KPIs that fell by the threshold or more from a real baseline", () => {
    const drops = findDrops([
      row("webinar_signups", 10, 4, "webinar"),
      row("mqls_created", 10, 9),
      row("leads_created", 10, 10 * (1 - KPI_DROP_THRESHOLD)),
      row("opportunities_created", 3, 0),
      row("touches", 100, 10, "email"),
      row("won_revenue_cents", 0, 0),
    ]);
    expect(drops.map((d) => d.metric)).toEqual(["webinar_signups", "leads_created"]);
  });

  it("builds a valid kpi_dropped event", () => {
    const event = kpiDroppedEvent(findDrops([row("webinar_signups", 10, 4, "webinar")])[0]!, "c-1");
    expect(validateEvent(event)).toMatchObject({ ok: true });
    expect(event).toMatchObject({
      entity_type: "metric",
      entity_id: "webinar_signups",
      correlation_id: "c-1",
    });
    expect(event.data).toMatchObject({
      metric: "webinar_signups",
      previous: 10,
      current: 4,
      channel: "webinar",
    });
  });

  it("recognises the KPI a question is about", () => {
    expect(kpiInText("why did webinar signups drop?")).toBe("webinar_signups");
    expect(kpiInText("how many MQLs this month")).toBe("mqls_created");
    expect(kpiInText("what's our pipeline velocity?")).toBeUndefined();
  });
});
