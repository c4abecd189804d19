// ISO dates, ISO-8601 durations and review cadences as whole days (UTC), for date-based rules.

const DAY_MS = 86_400_000;

/** Parsed dates: a strategy repeats the same few dozen dates thousands of times. */
const dateCache = new Map<string, number | undefined>();

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`, else undefined. */
export function parseDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (dateCache.has(value)) return dateCache.get(value);
  const days = computeDate(value);
  if (dateCache.size > 10_000) dateCache.clear();
  dateCache.set(value, days);
  return days;
}

function computeDate(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

export function formatDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Length in days of an ISO-8601 duration (`P2W`, `P1M`, `P1Y2M10D`); months count 30 days, years 365. */
export function durationDays(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(value);
  if (!m) return undefined;
  const [y, mo, w, d] = m.slice(1).map((v) => (v ? Number(v) : 0));
  return y * 365 + mo * 30 + w * 7 + d;
}

const NAMED_CADENCES: Record<string, number> = { weekly: 7, biweekly: 14, monthly: 30, quarterly: 91 };

/** Length in days of a cadence: a named rhythm or a duration. */
export function cadenceDays(value: unknown): number | undefined {
  if (typeof value === 'string' && value in NAMED_CADENCES) return NAMED_CADENCES[value];
  return durationDays(value);
}
