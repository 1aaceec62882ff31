import type { CrmMapInput } from "./map-schema.ts";

/** Pipedrive's Organizations, People and Deals exports, whose headers read "<Object> - <Field>". */
export const PIPEDRIVE: CrmMapInput = {
  name: "Pipedrive",
  dates: "iso",
  files: {
    accounts: {
      match: ["organization", "organisation"],
      columns: {
        domain: ["Organization - Website", "Website"],
        name: ["Organization - Name", "Name"],
        industry: ["Organization - Industry", "Industry"],
        employees: ["Organization - Number of employees", "Organization - Employee count"],
        country: ["Organization - Country of Address", "Organization - Address - Country"],
        owner: ["Organization - Owner", "Owner"],
      },
    },
    contacts: {
      match: ["person", "people"],
      columns: {
        email: ["Person - Email - Work", "Person - Email", "Email"],
        first_name: ["Person - First name", "First name"],
        last_name: ["Person - Last name", "Last name"],
        title: ["Person - Job title", "Job title"],
        company: ["Person - Organization", "Organization"],
        created_at: ["Person - Person created", "Person created"],
      },
    },
    opportunities: {
      match: ["deal"],
      columns: {
        id: ["Deal - ID", "ID"],
        name: ["Deal - Title", "Title"],
        company: ["Deal - Organization", "Organization"],
        amount: ["Deal - Value", "Value"],
        currency: ["Deal - Currency", "Currency"],
        stage: ["Deal - Stage", "Stage"],
        status: ["Deal - Status", "Status"],
        owner: ["Deal - Owner", "Owner"],
        created_at: ["Deal - Deal created", "Deal created"],
        closed_at: ["Deal - Deal closed on", "Deal - Won time", "Deal - Lost time"],
        lost_reason: ["Deal - Lost reason", "Lost reason"],
      },
      // The default pipeline's stages; won and lost live in the status column.
      stages: {
        "lead in": "new",
        "contact made": "qualified",
        "needs defined": "discovery",
        "demo scheduled": "discovery",
        "proposal made": "proposal",
        "negotiations started": "negotiation",
      },
      statuses: { open: "open", won: "closed_won", lost: "closed_lost" },
    },
  },
};
