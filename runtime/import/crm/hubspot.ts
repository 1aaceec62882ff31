import type { CrmMapInput } from "./map-schema.ts";

/** HubSpot's standard CSV exports (Companies, Contacts, Deals), by their default property labels. */
export const HUBSPOT: CrmMapInput = {
  name: "HubSpot",
  dates: "mdy",
  files: {
    accounts: {
      match: ["compan"],
      columns: {
        domain: ["Company Domain Name", "Website URL", "Domain"],
        name: ["Company name", "Name"],
        industry: "Industry",
        employees: ["Number of Employees", "Employees"],
        country: ["Country/Region", "Country"],
        owner: ["Company owner", "Owner"],
      },
    },
    contacts: {
      match: ["contact"],
      columns: {
        email: ["Email", "Email Address"],
        first_name: "First Name",
        last_name: "Last Name",
        title: "Job Title",
        company: ["Company Name", "Associated Company (Primary)", "Associated Company"],
        lifecycle_stage: "Lifecycle Stage",
        unsubscribed: ["Unsubscribed from all email", "Opted out of all email"],
        created_at: ["Create Date", "Created Date"],
      },
      lifecycle: {
        subscriber: "subscriber",
        lead: "lead",
        "marketing qualified lead": "mql",
        "sales qualified lead": "sql",
        opportunity: "opportunity",
        customer: "customer",
        evangelist: "evangelist",
        other: "lead",
      },
    },
    opportunities: {
      match: ["deal"],
      columns: {
        id: ["Record ID", "Deal ID"],
        name: "Deal Name",
        company: ["Associated Company (Primary)", "Associated Company", "Company name"],
        amount: "Amount",
        currency: ["Currency", "Deal currency code"],
        stage: "Deal Stage",
        owner: "Deal owner",
        created_at: ["Create Date", "Created Date"],
        closed_at: "Close Date",
        lost_reason: "Closed Lost Reason",
      },
      // The default Sales Pipeline's stages.
      stages: {
        "appointment scheduled": "new",
        "qualified to buy": "qualified",
        "presentation scheduled": "discovery",
        "decision maker bought in": "proposal",
        "contract sent": "negotiation",
        "closed won": "closed_won",
        "closed lost": "closed_lost",
      },
    },
  },
};
