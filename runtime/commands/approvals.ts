import { Command } from "commander";
import { approvalText } from "../approvals/text.ts";
import { approvalViews } from "../approvals/view.ts";
import { requireStore, withOrchestrator } from "../context.ts";
import { outcomeText } from "../render.ts";

/** `growth approvals`: list pending approvals across threads, and approve, reject or edit them. */
export function approvalsCommand(): Command {
  const approvals = new Command("approvals").description(
    "list pending approvals; approve, reject or edit them",
  );

  approvals
    .command("list", { isDefault: true })
    .description("list pending approvals, oldest first")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      requireStore(command);
      await withOrchestrator(command, async ({ store }) => {
        const views = await approvalViews(store.db, { pending: true });
        if (options.json) {
          console.log(JSON.stringify(views, null, 2));
          return;
        }
        if (views.length === 0) {
          console.log("No approvals are pending.");
          return;
        }
        console.log(views.map(approvalText).join("\n\n"));
      });
    });

  const decide = (name: "approve" | "reject" | "edit", description: string) => {
    const sub = approvals
      .command(name)
      .description(description)
      .argument("<id>", "approval id (from `growth approvals`)")
      .option("--by <name>", "who decides", process.env.USER ?? "operator")
      .option("--note <text>", "a note kept with the decision");
    if (name === "edit") {
      sub
        .option("--subject <text>", "new subject line")
        .option("--body <text>", "new message text")
        .option("--discount <pct>", "new discount or share, percent", Number)
        .option("--terms <text>", "new terms");
    }
    sub.action(async (id: string, options: Record<string, string | number | undefined>, command: Command) => {
      requireStore(command);
      await withOrchestrator(command, async ({ orchestrator }) => {
        const edit =
          name === "edit"
            ? Object.fromEntries(
                Object.entries({
                  subject: options.subject,
                  body: options.body,
                  discountPct: options.discount,
                  terms: options.terms,
                }).filter(([, v]) => v !== undefined),
              )
            : undefined;
        const { outcome, waiting } = await orchestrator.decide(id, {
          verdict: name,
          by: options.by,
          note: options.note ?? null,
          ...(edit ? { edit } : {}),
        });
        if (!outcome) {
          console.log(`Recorded. The run resumes when its other ${waiting} approval(s) are decided.`);
          return;
        }
        console.log(outcomeText(outcome));
      });
    });
  };
  decide("approve", "approve a pending action; the run resumes when all its approvals are decided");
  decide("reject", "reject a pending action");
  decide("edit", "edit a pending action's content and approve it");
  return approvals;
}
