import type { ReportInput } from "./meta.ts";

function xml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** JUnit XML: one testsuite per eval suite, one testcase per case, a failure element naming the failed checks. */
export function junitXml(input: ReportInput): string {
  const { results } = input;
  // The routing suite is reported as its two splits, so CI shows train and held-out apart.
  const groups = results.suites.flatMap((s) =>
    s.name === "routing" && results.splits.length > 0 ? results.splits : [s],
  );
  const suites = groups.map((s) => {
    const cases = results.cases.filter((c) => (c.split ? `${c.suite}/${c.split}` : c.suite) === s.name);
    const body = cases.map((c) => {
      const time = (c.durationMs / 1000).toFixed(3);
      const open = `    <testcase classname="eval.${xml(c.suite)}" name="${xml(c.id)}" time="${time}">`;
      const failed = c.checks.filter((k) => !k.pass && !k.skipped);
      const skipped = c.checks.filter((k) => k.skipped);
      const parts = [open];
      if (!c.pass) {
        const message = failed.map((k) => `${k.scorer}: ${k.detail}`).join("; ");
        parts.push(
          `      <failure message="${xml(message)}" type="score ${c.score}">${xml(c.description)}</failure>`,
        );
      }
      if (skipped.length) {
        parts.push(
          `      <system-out>${xml(skipped.map((k) => `${k.scorer}: ${k.detail}`).join("\n"))}</system-out>`,
        );
      }
      parts.push("    </testcase>");
      return parts.join("\n");
    });
    const time = (cases.reduce((t, c) => t + c.durationMs, 0) / 1000).toFixed(3);
    return [
      `  <testsuite name="${xml(s.name)}" tests="${s.cases}" failures="${s.cases - s.passed}" errors="0" time="${time}">`,
      `    <properties><property name="score" value="${s.score}"/></properties>`,
      ...body,
      "  </testsuite>",
    ].join("\n");
  });
  const tests = results.cases.length;
  const failures = results.cases.filter((c) => !c.pass).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="growth eval (${xml(results.model)})" tests="${tests}" failures="${failures}" time="${(input.durationMs / 1000).toFixed(3)}">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
