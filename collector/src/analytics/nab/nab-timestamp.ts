/** NAB's timestamps: `YYYY-MM-DD HH:MM:SS` with optional fraction, read as UTC (the corpus carries no zone). */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

/** Epoch milliseconds, or NaN when the text is not such a timestamp. */
export function parseNabTimestamp(text: string): number {
  const m = PATTERN.exec(text.trim());
  if (m === null) return Number.NaN;
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms);
}
