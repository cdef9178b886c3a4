import type { BookingRules } from './room-context';

const DAY_MS = 86_400_000;

/** No-shows that started after this instant can still count towards a suspension at `now`. */
export function noShowsCountSince(rules: BookingRules, now: Date): Date {
  return new Date(now.getTime() - (rules.noShowWindowDays + rules.suspensionDays) * DAY_MS);
}

/**
 * The no-show rule (public venues in China: 3 no-shows within 90 days → 30 days without
 * booking): when the latest no-show is the limit-th within the window, booking is suspended for
 * the suspension period from that no-show. `noShowStarts` are the starts (ms) of the resident's
 * no-shows since noShowsCountSince(), latest first. Returns the end of the suspension, or null.
 */
export function suspensionEnd(noShowStarts: number[], rules: BookingRules, now: Date): Date | null {
  for (let i = 0; i + rules.noShowLimit - 1 < noShowStarts.length; i++) {
    const latest = noShowStarts[i]!;
    const earliest = noShowStarts[i + rules.noShowLimit - 1]!;
    if (latest - earliest <= rules.noShowWindowDays * DAY_MS) {
      const until = latest + rules.suspensionDays * DAY_MS;
      return until > now.getTime() ? new Date(until) : null;
    }
  }
  return null;
}
