import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".growth/**"],
    // Sized for a loaded 2-core machine (other work running), where a spawned CLI can take 10 s to start.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    setupFiles: ["test/setup-env.ts"],
  },
});
