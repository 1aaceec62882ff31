import type { CrmMapInput } from "./map-schema.ts";

/**
 * Salesforce's Account, Contact and Opportunity exports: report exports (field labels such as "Account Name")
 * and Data Loader / Data Export files (API names such as `StageName`) alike.
 */
export const SALESFORCE: CrmMapInput = {
  name: "Salesforce",
  dates: "mdy",
  files: {
    accounts: {
      match: ["account"],
      columns: {
        domain: "Website",
        name: ["Account Name", "Name"],
        industry: "Industry",
        employees: ["Employees", "NumberOfEmployees"],
        country: ["Billing Country", "BillingCountry"],
        owner: ["Account Owner", "Owner Name"],
      },
    },
    contacts: {
      match: ["contact"],
      columns: {
        email: "Email",
        first_name: ["First Name", "FirstName"],
        last_name: ["Last Name", "LastName"],
        title: "Title",
        company: ["Account Name", "Account.Name"],
        unsubscribed: ["Email Opt Out", "HasOptedOutOfEmail"],
        created_at: ["Created Date", "CreatedDate"],
      },
    },
    opportunities: {
      match: ["opportunit"],
      columns: {
        id: ["Opportunity ID", "Opportunity Id", "Id"],
        name: ["Opportunity Name", "Name"],
        company: ["Account Name", "Account.Name"],
        amount: "Amount",
        currency: ["Opportunity Currency", "CurrencyIsoCode"],
        stage: ["Stage", "StageName"],
        owner: ["Opportunity Owner", "Owner Name"],
        created_at: ["Created Date", "CreatedDate"],
        closed_at: ["Close Date", "CloseDate"],
        lost_reason: ["Loss Reason", "Closed Lost Reason"],
      },
      // The standard Opportunity Stage picklist.
      stages: {
        prospecting: "new",
        qualification: "qualified",
        "needs analysis": "discovery",
        "value proposition": "discovery",
        "id. decision makers": "discovery",
        "perception analysis": "discovery",
        "proposal/price quote": "proposal",
        "negotiation/review": "negotiation",
        "closed won": "closed_won",
        "closed lost": "closed_lost",
      },
    },
  },
};
