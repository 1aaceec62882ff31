import { describe, expect, it } from "vitest";
import { ContactCsvRow, OpportunityCsvRow, TouchCsvRow } from "./schemas.ts";

const opportunity = (over: Record<string, string> = {}) => ({
  id: "o1",
  account_domain: "acme.com",
  name: "Deal",
  amount: "100",
  currency: "usd",
  stage: "proposal",
  owner: "",
  created_at: "2025-01-01",
  closed_at: "",
  lost_reason: "",
  ...over,
});

const contact = (over: Record<string, string> = {}) => ({
  email: " Ann@Acme.COM ",
  first_name: "Ann",
  last_name: "",
  title: "",
  account_domain: "",
  lifecycle_stage: "",
  do_not_contact: "",
  unsubscribed: "FALSE",
  created_at: "2025-01-01",
  ...over,
});

function reasons(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);
}

describe("OpportunityCsvRow", () => {
  it("normalises an open deal: cents, upper-case currency, key of the domain", () => {
    const row = OpportunityCsvRow.parse(
      opportunity({ account_domain: "https://www.Acme.com/x", amount: "99.9" }),
    );
    expect(row).toMatchObject({
      accountDomain: "acme.com",
      amountCents: 9990,
      currency: "USD",
      closed: false,
    });
  });

  it("defaults an empty currency to USD and reads stage names loosely", () => {
    expect(
      OpportunityCsvRow.parse(opportunity({ currency: "", stage: "Closed Won", closed_at: "2025-02-01" })),
    ).toMatchObject({ currency: "USD", stage: "closed_won", closed: true });
  });

  it("enforces the close rules", () => {
    expect(reasons(OpportunityCsvRow.safeParse(opportunity({ stage: "closed_won" })))).toEqual([
      "stage closed_won needs closed_at (when the deal closed)",
    ]);
    expect(
      reasons(OpportunityCsvRow.safeParse(opportunity({ stage: "closed_lost", closed_at: "2025-02-01" }))),
    ).toEqual(["stage closed_lost needs a lost_reason"]);
    expect(reasons(OpportunityCsvRow.safeParse(opportunity({ lost_reason: "Price" })))[0]).toContain(
      "only for closed_lost",
    );
    expect(
      reasons(OpportunityCsvRow.safeParse(opportunity({ stage: "closed_won", closed_at: "2024-12-31" })))[0],
    ).toContain("is before created_at");
  });

  it("reports every problem of a row at once", () => {
    const found = reasons(
      OpportunityCsvRow.safeParse(opportunity({ amount: "-1", stage: "won", currency: "dollars" })),
    );
    expect(found).toHaveLength(3);
  });

  it("refuses a free-mail domain as an account", () => {
    expect(reasons(OpportunityCsvRow.safeParse(opportunity({ account_domain: "gmail.com" })))[0]).toContain(
      "not a company domain",
    );
  });
});

describe("ContactCsvRow", () => {
  it("lower-cases the email, derives the email's account and defaults the lifecycle stage", () => {
    expect(ContactCsvRow.parse(contact())).toMatchObject({
      email: "ann@acme.com",
      accountDomain: null,
      emailAccount: "acme.com",
      lifecycleStage: "lead",
      doNotContact: false,
      unsubscribed: false,
    });
  });

  it("gives free-mail addresses no derived account but keeps a named one", () => {
    const row = ContactCsvRow.parse(contact({ email: "fred@gmail.com", account_domain: "WWW.Acme.com" }));
    expect(row).toMatchObject({ emailAccount: null, accountDomain: "acme.com" });
  });

  it("refuses unknown lifecycle stages and non-boolean flags", () => {
    expect(reasons(ContactCsvRow.safeParse(contact({ lifecycle_stage: "hot" })))[0]).toContain(
      'lifecycle_stage "hot"',
    );
    expect(reasons(ContactCsvRow.safeParse(contact({ do_not_contact: "yes" })))).toEqual([
      'do_not_contact "yes" is not true or false',
    ]);
  });
});

describe("TouchCsvRow", () => {
  it("lower-cases the channel so variants roll up together, empty campaign and agent are null", () => {
    const row = TouchCsvRow.parse({
      id: "t1",
      contact_email: "Ann@acme.com",
      channel: " Email ",
      campaign: "",
      agent: "",
      occurred_at: "2025-01-01T10:00:00Z",
    });
    expect(row).toMatchObject({
      contactEmail: "ann@acme.com",
      channel: "email",
      campaign: null,
      agent: null,
    });
  });
});
