const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A day as people write it in an answer: "1 Dec" (UTC), with the year when it is not `now`'s year. */
export function dayText(day: Date, now: Date = day): string {
  const year = day.getUTCFullYear() === now.getUTCFullYear() ? "" : ` ${day.getUTCFullYear()}`;
  return `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}${year}`;
}

/** The window a time-relative answer covers, stated: "last 30 days to 1 Dec". */
export function windowText(now: Date, days: number): string {
  return `last ${days} day${days === 1 ? "" : "s"} to ${dayText(now)}`;
}
