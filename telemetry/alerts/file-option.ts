import { type AlertsFile, loadAlertsFile } from "./config.ts";

/** The alerts file a command uses: `--alerts <file>`, else `GROWTH_ALERTS_FILE`; null when neither names one. */
export function alertsFileFrom(option: string | undefined, env = process.env): AlertsFile | null {
  const path = option ?? env.GROWTH_ALERTS_FILE;
  return path ? loadAlertsFile(path) : null;
}
