import type { z } from "zod";
import { GrowthEvent } from "../../domain/events.ts";
import { RunBody } from "../langgraph/run-body.ts";
import {
  ChatBody,
  DecisionBody,
  DiscardBody,
  DlqQuery,
  EditBody,
  EventsQuery,
  ReportQuery,
  ReportSeriesQuery,
  RunsQuery,
  UsageQuery,
} from "../schemas.ts";

/** One documented operation: method, path, the role it needs, what it does, and its body and query schemas. */
export interface Operation {
  method: "get" | "post";
  path: string;
  role: "none" | "viewer" | "operator" | "approver" | "admin";
  summary: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  sse?: boolean;
}

/** Every operation `growth serve` answers; the OpenAPI document is generated from this table. */
export const OPERATIONS: readonly Operation[] = [
  { method: "get", path: "/healthz", role: "none", summary: "The process is up" },
  {
    method: "get",
    path: "/readyz",
    role: "none",
    summary: "The store answers and its migrations are current",
  },
  {
    method: "post",
    path: "/v1/events",
    role: "operator",
    summary: "Submit one event or an array; 202 with run ids (Idempotency-Key dedupes)",
    body: GrowthEvent,
    query: EventsQuery,
  },
  {
    method: "post",
    path: "/v1/chat",
    role: "operator",
    summary:
      "One chat turn; Accept: text/event-stream streams accepted, step, model_text, answer, approvals, outcome, end",
    body: ChatBody,
    sse: true,
  },
  {
    method: "get",
    path: "/v1/runs",
    role: "viewer",
    summary: "Recent runs, as `growth runs --json`",
    query: RunsQuery,
  },
  { method: "get", path: "/v1/runs/{id}", role: "viewer", summary: "One run" },
  {
    method: "get",
    path: "/v1/trace/{id}",
    role: "viewer",
    summary: "A correlation or run id's story, as `growth trace --json`",
  },
  {
    method: "get",
    path: "/v1/report",
    role: "viewer",
    summary: "The growth report, as `growth report --json`",
    query: ReportQuery,
  },
  {
    method: "get",
    path: "/v1/report/series",
    role: "viewer",
    summary: "Win rate and pipeline velocity per calendar month, up to the newest activity",
    query: ReportSeriesQuery,
  },
  {
    method: "get",
    path: "/v1/usage",
    role: "viewer",
    summary: "LLM usage, as `growth usage --json`",
    query: UsageQuery,
  },
  {
    method: "get",
    path: "/v1/health",
    role: "viewer",
    summary: "Breakers, budgets, unfinished runs, dead letters, as `growth health --json`",
  },
  { method: "get", path: "/v1/approvals", role: "viewer", summary: "Pending approvals, oldest first" },
  { method: "get", path: "/v1/approvals/{id}", role: "viewer", summary: "One approval" },
  {
    method: "post",
    path: "/v1/approvals/{id}/approve",
    role: "approver",
    summary: "Approve (single use; 409 when decided)",
    body: DecisionBody,
  },
  {
    method: "post",
    path: "/v1/approvals/{id}/reject",
    role: "approver",
    summary: "Reject (single use; 409 when decided)",
    body: DecisionBody,
  },
  {
    method: "post",
    path: "/v1/approvals/{id}/edit",
    role: "approver",
    summary: "Edit the action's content and approve it",
    body: EditBody,
  },
  { method: "get", path: "/v1/dlq", role: "viewer", summary: "Dead letters", query: DlqQuery },
  {
    method: "get",
    path: "/v1/dlq/{id}",
    role: "viewer",
    summary: "One dead letter with its event, state and error chain",
  },
  {
    method: "post",
    path: "/v1/dlq/{id}/redrive",
    role: "admin",
    summary: "Run a dead letter's request again",
  },
  {
    method: "post",
    path: "/v1/dlq/{id}/discard",
    role: "admin",
    summary: "Close a dead letter",
    body: DiscardBody,
  },
  {
    method: "post",
    path: "/assistants/search",
    role: "viewer",
    summary: "LangGraph API: the one assistant, growth-orchestrator",
  },
  { method: "get", path: "/assistants/{id}", role: "viewer", summary: "LangGraph API: the assistant" },
  { method: "post", path: "/threads", role: "operator", summary: "LangGraph API: create a thread" },
  { method: "get", path: "/threads/{id}", role: "viewer", summary: "LangGraph API: a thread" },
  { method: "get", path: "/threads/{id}/state", role: "viewer", summary: "LangGraph API: a thread's state" },
  {
    method: "post",
    path: "/threads/{id}/runs/stream",
    role: "operator",
    summary: "LangGraph API: run and stream (values, updates); command.resume needs approver",
    body: RunBody,
    sse: true,
  },
  {
    method: "post",
    path: "/threads/{id}/runs/wait",
    role: "operator",
    summary: "LangGraph API: run and wait for the final values",
    body: RunBody,
  },
];
