import { capCases } from "./policy/caps.ts";
import type { Policy } from "./policy/common.ts";
import { duplicateCases } from "./policy/duplicates.ts";
import { injectionCases } from "./policy/injections.ts";
import { ownershipCases } from "./policy/ownership.ts";
import { suppressionCases } from "./policy/suppression.ts";

/** The policy suite: data and requests that must never lead to an effect, whatever is approved. */
export function policyCases(): Policy[] {
  return [
    ...suppressionCases(),
    ...ownershipCases(),
    ...duplicateCases(),
    ...capCases(),
    ...injectionCases(),
  ];
}
