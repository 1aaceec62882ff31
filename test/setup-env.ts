// Tests never reach a real provider: whatever keys or model a developer has set, every suite starts in playbook
// mode, and the tests that need a model point the real clients at a local wire-protocol mock themselves.
for (const name of Object.keys(process.env)) {
  if (/^(OPENAI_|ANTHROPIC_|GROWTH_MODEL|GROWTH_FALLBACK_MODEL|GROWTH_LLM_)/.test(name))
    delete process.env[name];
}

// A CLI the tests spawn (bin/growth.js) runs the TypeScript sources, never a dist/ build that may be stale.
process.env.GROWTH_FROM_SOURCE = "1";

// The store is the one a test names (`--db`, a fixture): a developer's DATABASE_URL must not redirect it.
delete process.env.DATABASE_URL;
