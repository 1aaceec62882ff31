import { z } from "zod";
import { accountKey, contactKey } from "../../domain/keys.ts";
import { isClosed, parseStage, STAGES } from "../../domain/pipeline/index.ts";
import type { AccountImport } from "../../store/import/accounts.ts";
import type { ContactImport } from "../../store/import/contacts.ts";
import type { OpportunityImport } from "../../store/import/opportunities.ts";
import type { TouchImport } from "../../store/import/touches.ts";
import { LIFECYCLE_STAGES } from "../seed/catalog-people.ts";
import {
  flag,
  isoTime,
  optionalCount,
  optionalIsoTime,
  optionalText,
  parseCents,
  requiredText,
} from "./fields.ts";

/** The lifecycle stage a contact gets when the file leaves it empty. */
export const DEFAULT_LIFECYCLE_STAGE = "lead";
/** The currency an opportunity gets when the file leaves it empty. */
export const DEFAULT_CURRENCY = "USD";

type Row<T> = Omit<T, "line">;

const domainColumn = (column: string) =>
  z.string().transform((v, ctx) => {
    const key = accountKey(v);
    if (key !== null) return key;
    ctx.addIssue({
      code: "custom",
      message:
        v.trim() === ""
          ? `${column} is empty; it is required`
          : `${column} "${v.trim()}" is not a company domain (free-mail and malformed domains cannot be accounts)`,
    });
    return z.NEVER;
  });

const emailColumn = (column: string) =>
  z.string().transform((v, ctx) => {
    const key = contactKey(v);
    if (key !== null) return key;
    ctx.addIssue({
      code: "custom",
      message:
        v.trim() === ""
          ? `${column} is empty; it is required`
          : `${column} "${v.trim()}" is not a valid email address`,
    });
    return z.NEVER;
  });

/** One `accounts.csv` row. */
export const AccountCsvRow: z.ZodType<Row<AccountImport>, Record<string, string>> = z
  .object({
    domain: domainColumn("domain"),
    name: requiredText("name"),
    industry: optionalText,
    employees: optionalCount("employees"),
    country: optionalText,
    owner: optionalText,
  })
  .transform((r) => r);

/** One `contacts.csv` row; an empty account_domain leaves the account to the email's domain. */
export const ContactCsvRow: z.ZodType<Row<ContactImport>, Record<string, string>> = z
  .object({
    email: emailColumn("email"),
    first_name: optionalText,
    last_name: optionalText,
    title: optionalText,
    account_domain: z.string(),
    lifecycle_stage: z.string(),
    do_not_contact: flag("do_not_contact"),
    unsubscribed: flag("unsubscribed"),
    created_at: isoTime("created_at"),
  })
  .transform((r, ctx) => {
    const stage =
      r.lifecycle_stage
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_") || DEFAULT_LIFECYCLE_STAGE;
    if (!(LIFECYCLE_STAGES as readonly string[]).includes(stage)) {
      ctx.addIssue({
        code: "custom",
        message: `lifecycle_stage "${r.lifecycle_stage.trim()}" is not a lifecycle stage; use one of ${LIFECYCLE_STAGES.join(", ")}`,
      });
    }
    const named = r.account_domain.trim() === "" ? null : accountKey(r.account_domain);
    if (r.account_domain.trim() !== "" && named === null) {
      ctx.addIssue({
        code: "custom",
        message: `account_domain "${r.account_domain.trim()}" is not a company domain (free-mail and malformed domains cannot be accounts)`,
      });
    }
    return {
      email: r.email,
      firstName: r.first_name,
      lastName: r.last_name,
      title: r.title,
      accountDomain: named,
      emailAccount: accountKey(r.email),
      lifecycleStage: stage,
      doNotContact: r.do_not_contact,
      unsubscribed: r.unsubscribed,
      createdAt: r.created_at,
    };
  });

/** One `opportunities.csv` row, with the stage rules: closed stages need closed_at, closed_lost a reason. */
export const OpportunityCsvRow: z.ZodType<Row<OpportunityImport>, Record<string, string>> = z
  .object({
    id: requiredText("id"),
    account_domain: domainColumn("account_domain"),
    name: requiredText("name"),
    amount: z.string(),
    currency: z.string(),
    stage: z.string(),
    owner: optionalText,
    created_at: isoTime("created_at"),
    closed_at: optionalIsoTime("closed_at"),
    lost_reason: optionalText,
  })
  .transform((r, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: "custom", message });
    const amount = parseCents(r.amount);
    if ("error" in amount) problem(amount.error);
    const currency = r.currency.trim().toUpperCase() || DEFAULT_CURRENCY;
    if (!/^[A-Z]{3}$/.test(currency))
      problem(`currency "${r.currency.trim()}" is not a 3-letter code such as USD`);
    const stage = parseStage(r.stage);
    if (stage === null) {
      problem(`stage "${r.stage.trim()}" is not a stage; use one of ${STAGES.join(", ")}`);
    } else if (isClosed(stage) && r.closed_at === null) {
      problem(`stage ${stage} needs closed_at (when the deal closed)`);
    } else if (!isClosed(stage) && r.closed_at !== null) {
      problem(`closed_at is set but stage "${stage}" is open; clear closed_at or give the closing stage`);
    }
    if (stage === "closed_lost" && r.lost_reason === null) problem("stage closed_lost needs a lost_reason");
    if (stage !== null && stage !== "closed_lost" && r.lost_reason !== null) {
      problem(`lost_reason is only for closed_lost deals, but the stage is ${stage}`);
    }
    if (r.closed_at !== null && r.closed_at < r.created_at) {
      problem(`closed_at ${r.closed_at.toISOString()} is before created_at ${r.created_at.toISOString()}`);
    }
    return {
      id: r.id,
      accountDomain: r.account_domain,
      name: r.name,
      amountCents: "cents" in amount ? amount.cents : 0,
      currency,
      stage: stage ?? "new",
      closed: stage !== null && isClosed(stage),
      owner: r.owner,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      lostReason: r.lost_reason,
    };
  });

/** One `touches.csv` row; channels are lower-cased so "Email" and "email" roll up together. */
export const TouchCsvRow: z.ZodType<Row<TouchImport>, Record<string, string>> = z
  .object({
    id: requiredText("id"),
    contact_email: emailColumn("contact_email"),
    channel: requiredText("channel"),
    campaign: optionalText,
    agent: optionalText,
    occurred_at: isoTime("occurred_at"),
  })
  .transform((r) => ({
    id: r.id,
    contactEmail: r.contact_email,
    channel: r.channel.toLowerCase(),
    campaign: r.campaign,
    agent: r.agent,
    occurredAt: r.occurred_at,
  }));
