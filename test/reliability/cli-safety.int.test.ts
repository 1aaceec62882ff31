import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import { openStore } from "../../store/db.ts";
import { recentRejections } from "../../store/repos/rejections.ts";
import { growthInProcess } from "../helpers/cli.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "growth-cli-safety-"));
}

async function rejections(db: string) {
  const store = await openStore(db);
  try {
    return await recentRejections(store.db);
  } finally {
    await store.close();
  }
}

describe("a CLI that never surprises", () => {
  it("exits 2 on an unknown command or option or none, and 0 on help", async () => {
    const command = await growthInProcess(["reprot"]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("error: unknown command 'reprot'");
    const option = await growthInProcess(["report", "--jsno"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("error: unknown option '--jsno'");
    const missing = await growthInProcess(["emit"]);
    expect(missing.code).toBe(2);
    expect((await growthInProcess(["report", "--help"])).code).toBe(0);
    // No command at all is a missing argument too: the help goes to stderr, and the exit code says so.
    const none = await growthInProcess([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: growth");
    expect((await growthInProcess(["--help"])).code).toBe(0);
  });

  it("read-only commands refuse a store that does not exist, and create none", async () => {
    const db = join(tempDir(), "no-such-folder", "growth.db");
    for (const args of [
      ["report"],
      ["runs"],
      ["trace", "abc"],
      ["approvals"],
      ["approvals", "list"],
      ["usage"],
      ["health"],
      ["dlq"],
      ["dlq", "show", "1"],
    ]) {
      const result = await growthInProcess(["--db", db, ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.trim()).toBe(
        `error: no store at ${db}; run \`growth seed\` or \`growth import\` first.`,
      );
    }
    expect(existsSync(db)).toBe(false);
  });

  it("a read-only store says so and how to fix it, not raw SQLite text", async (context) => {
    const dir = tempDir();
    const db = join(dir, "growth.db");
    (await openStore(db)).close();
    // Root writes through file modes, so the file is made immutable instead where the system allows it.
    const root = process.getuid?.() === 0;
    try {
      if (root) execFileSync("chattr", ["+i", db], { stdio: "ignore" });
      else chmodSync(db, 0o444);
    } catch {
      context.skip();
    }
    try {
      // Reading works from a read-only file; the first write says what is wrong.
      expect((await growthInProcess(["--db", db, "report"])).code).toBe(0);
      const result = await growthInProcess([
        "--db",
        db,
        "import",
        join(import.meta.dirname, "..", "fixtures", "csv", "good"),
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(
        `error: the store ${db} is read-only; make it writable (chmod u+w ${db}) or pass --db with a writable file.`,
      );
    } finally {
      if (root) execFileSync("chattr", ["-i", db], { stdio: "ignore" });
      else chmodSync(db, 0o644);
    }
  });

  it("refuses JSON nested too deep or too large with exit 2 and a recorded rejection", async () => {
    const dir = tempDir();
    const db = join(dir, "growth.db");
    const deep = join(dir, "deep.json");
    writeFileSync(deep, `${"[".repeat(5_000)}${"]".repeat(5_000)}`);
    const nested = await growthInProcess(["--db", db, "emit", deep]);
    expect(nested.code).toBe(2);
    expect(nested.stderr.trim()).toBe(
      `error: ${deep} nests JSON more than 64 levels deep; an event is a flat object with a small data object.`,
    );
    const large = join(dir, "large.json");
    writeFileSync(large, JSON.stringify({ data: "x".repeat(1_100_000) }));
    const big = await growthInProcess(["--db", db, "emit", large]);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain("is larger than 1 MB");
    const recorded = await rejections(db);
    expect(recorded.map((r) => [r.source, r.kind, JSON.parse(r.issues)])).toEqual([
      ["emit", "input", ["input_too_large"]],
      ["emit", "input", ["input_too_deep"]],
    ]);
    expect(recorded[1]?.payload_chars).toBe(10_000);
  });

  it("escapes control characters in every echoed value", async () => {
    const dir = tempDir();
    const file = join(dir, "evil.json");
    writeFileSync(
      file,
      JSON.stringify({ ...leadQualified("x@acme.com"), entity_id: "\u001b]0;pwned\u0007\u001b[2J" }),
    );
    const event = await growthInProcess(["--db", join(dir, "growth.db"), "emit", file]);
    expect(event.code).toBe(2);
    const command = await growthInProcess(["re\u001b[2Jport"]);
    expect(command.code).toBe(2);
    for (const stderr of [event.stderr, command.stderr]) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control character may reach the terminal
      expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(stderr).toContain("\\x1B");
    }
  });

  it("keeps emails out of logs: a contact's thread is a stable keyed hash of its email", async () => {
    const { store, cleanup } = await fixtureStore();
    try {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const logger = createLogger({ level: "trace", destination: sink });
      const orchestrator = createOrchestrator(store, logger, { clock: () => FIXTURE_NOW });
      const first = await orchestrator.submitEvent(leadQualified("pat.doe@gmail.com", "log-1"));
      const again = createOrchestrator(store, logger, { clock: () => FIXTURE_NOW });
      const second = await again.submitEvent(leadQualified("Pat.Doe@gmail.com", "log-2"));
      expect(first.threadId).toMatch(/^contact:[0-9a-f]{24}$/);
      expect(second.threadId).toBe(first.threadId);
      // Fields no redact path names, and free text, are scrubbed too.
      logger.warn(
        {
          err: new Error("no contact pat.doe@gmail.com"),
          effect: { idempotencyKey: "t:r:a:pat.doe@gmail.com", to: "pat.doe@gmail.com" },
          action: { contact: { email: "pat.doe@gmail.com" }, note: "ask pat.doe@gmail.com" },
        },
        "refused pat.doe@gmail.com",
      );
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.join("")).not.toMatch(/pat\.doe/i);
      expect(lines.at(-1)).toContain("[email]");
    } finally {
      await cleanup();
    }
  });

  it("growth emit of an empty array exits 2 with a message and records the refusal", async () => {
    const dir = tempDir();
    const db = join(dir, "growth.db");
    const file = join(dir, "empty.json");
    writeFileSync(file, "[]");
    const result = await growthInProcess(["--db", db, "emit", file]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `error: ${file} holds an empty array: nothing to run; give one event or an array of events.`,
    );
    expect((await rejections(db)).map((r) => JSON.parse(r.issues))).toEqual([["input_empty"]]);
  });

  it("neutralises formula-like imported values in report output", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "accounts.csv"),
      "domain,name,industry,employees,country,owner\nacme.com,Acme,,,,\n",
    );
    writeFileSync(
      join(dir, "contacts.csv"),
      "email,first_name,last_name,title,account_domain,lifecycle_stage,do_not_contact,unsubscribed,created_at\nana@acme.com,Ana,,,,lead,,,2026-01-01\n",
    );
    writeFileSync(
      join(dir, "opportunities.csv"),
      "id,account_domain,name,amount,currency,stage,owner,created_at,closed_at,lost_reason\no1,acme.com,Deal,1000,USD,closed_won,,2026-01-02,2026-02-01,\n",
    );
    writeFileSync(
      join(dir, "touches.csv"),
      'id,contact_email,channel,campaign,agent,occurred_at\nt1,ana@acme.com,email,"=HYPERLINK(""http://x.example"",""go"")",,2026-01-03\n',
    );
    const db = join(dir, "growth.db");
    const imported = await growthInProcess(["--db", db, "import", dir]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('touches.csv:2: warning: campaign "=HYPERLINK(');
    const report = await growthInProcess([
      "--db",
      db,
      "report",
      "--from",
      "2026-01-01",
      "--to",
      "2026-03-01",
    ]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain(`'=HYPERLINK("http://x.example","go")`);
    expect(report.stdout.split("\n").some((l) => /^\s*[=+\-@]/.test(l))).toBe(false);
  });
});
