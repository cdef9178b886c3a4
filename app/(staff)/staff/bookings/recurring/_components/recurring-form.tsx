'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { DateTimeFields } from '@/components/staff-bookings/date-time-fields';
import { FormStatus } from '@/components/staff-bookings/form-status';
import { SpanList } from '@/components/staff-bookings/span-list';
import type { RecurringResult, RecurringWeek } from '@/components/staff-bookings/results';
import { useFieldErrors } from '@/components/staff-bookings/use-field-errors';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { createRecurringBookingAction, previewRecurringBookingAction } from '../../actions';

export interface RecurringFacility {
  id: string;
  name: string;
  rooms: { id: string; name: string; capacity: number | null }[];
}

/**
 * A regular group's weekly booking: first a preview of every week and what is in its way, then
 * booking all weeks (only if all are free) or only the free ones — exactly what was previewed.
 */
export function RecurringForm({ facilities, today }: { facilities: RecurringFacility[]; today: string }) {
  const t = useTranslations('staffBookings');
  const preview = useFormAction(previewRecurringBookingAction);
  const book = useFormAction(createRecurringBookingAction);
  const previewState = preview.state as RecurringResult | null;
  const bookState = book.state as RecurringResult | null;
  const [previewed, setPreviewed] = useState<[string, string][] | null>(null);
  const [changedSince, setChangedSince] = useState(false);
  const [booked, setBooked] = useState(false);
  const [showing, setShowing] = useState<'preview' | 'book'>('preview');
  const field = useFieldErrors(showing === 'book' ? bookState : previewState);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (previewState?.weeks) resultRef.current?.focus();
  }, [previewState]);
  useEffect(() => {
    if (bookState?.ok) setBooked(true);
    if (bookState) resultRef.current?.focus();
  }, [bookState]);

  function submitPreview(event: FormEvent<HTMLFormElement>) {
    setPreviewed([...new FormData(event.currentTarget).entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    setChangedSince(false);
    setBooked(false);
    setShowing('preview');
    preview.onSubmit(event);
  }

  function submitBooking(event: FormEvent<HTMLFormElement>) {
    setShowing('book');
    book.onSubmit(event);
  }

  const current = showing === 'book' ? bookState : previewState;
  const weeks = current && !current.ok && current.weeks ? current.weeks : previewState?.weeks;
  const freeCount = weeks?.filter((week) => !week.conflict).length ?? 0;
  const showChoice = Boolean(previewState?.ok && previewed && !changedSince && !booked);
  const first = weeks?.[0]?.startsAt;

  return (
    <div className="space-y-6">
      <form onSubmit={submitPreview} onChange={() => setChangedSince(true)} noValidate aria-label={t('recurring.formLabel')} className="grid gap-4 rounded-lg border border-slate-300 p-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <SelectField id="recurring-room" name="roomId" label={t('recurring.room')} errors={field('roomId')} defaultValue="">
            <option value="" disabled>
              {t('recurring.chooseRoom')}
            </option>
            {facilities.map((facility) => (
              <optgroup key={facility.id} label={facility.name}>
                {facility.rooms.map((room) => (
                  <option key={room.id} value={room.id}>
                    {room.capacity ? t('recurring.roomOption', { room: room.name, capacity: room.capacity }) : room.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </div>
        <DateTimeFields
          id="recurring-start"
          legend={t('recurring.first')}
          hint={t('recurring.firstHint')}
          errors={field('start')}
          date={{ name: 'date', label: t('common.date'), min: today }}
          time={{ name: 'startTime', label: t('recurring.startTime'), defaultValue: '19:00' }}
        />
        <div className="space-y-4">
          <TextField id="recurring-end" name="endTime" type="time" label={t('recurring.endTime')} defaultValue="20:00" errors={field('end')} required />
          <TextField id="recurring-weeks" name="weeks" inputMode="numeric" label={t('recurring.weeks')} hint={t('recurring.weeksHint')} defaultValue="4" autoComplete="off" errors={field('weeks')} required />
        </div>
        <TextField id="recurring-purpose" name="purpose" label={t('recurring.purpose')} hint={t('recurring.purposeHint')} maxLength={200} autoComplete="off" errors={field('purpose')} required />
        <TextField id="recurring-attendees" name="attendees" inputMode="numeric" label={t('recurring.attendees')} autoComplete="off" errors={field('attendees')} required />
        <div className="sm:col-span-2">
          <Button type="submit" variant={showChoice ? 'secondary' : 'primary'} disabled={preview.pending}>
            {preview.pending ? t('common.working') : t('recurring.preview')}
          </Button>
        </div>
      </form>

      <div ref={resultRef} tabIndex={-1} className="space-y-4 focus:outline-none">
        {/* A successful preview speaks through its list; refusals and bookings get a sentence. */}
        {current && !(showing === 'preview' && current.ok) ? <FormStatus state={current} successValues={{ booked: bookState?.booked?.length ?? 0, skipped: bookState?.skipped?.length ?? 0 }} /> : null}
        {booked && bookState?.booked ? (
          <>
            <WeekList heading={t('recurring.bookedHeading', { count: bookState.booked.length })} weeks={bookState.booked} first={first} />
            {bookState.skipped && bookState.skipped.length > 0 ? <WeekList heading={t('recurring.skippedHeading', { count: bookState.skipped.length })} weeks={bookState.skipped} first={first} /> : null}
          </>
        ) : weeks && !changedSince ? (
          <WeekList heading={t('recurring.previewHeading', { free: freeCount, weeks: weeks.length })} weeks={weeks} first={first} />
        ) : null}
        {changedSince && previewState?.weeks && !booked ? <p>{t('recurring.changedSince')}</p> : null}
        {showChoice && freeCount === 0 ? <p className="font-medium">{t('recurring.noneFree')}</p> : null}
        {showChoice && previewed && freeCount > 0 ? (
          <div className="grid gap-3 sm:grid-cols-2">
            {(['all', 'free'] as const).map((mode) => (
              <form key={mode} onSubmit={submitBooking} className="space-y-2 rounded-lg border border-slate-300 p-4">
                {previewed.filter(([name]) => name !== 'mode').map(([name, value]) => (
                  <input key={name} type="hidden" name={name} value={value} />
                ))}
                <input type="hidden" name="mode" value={mode} />
                <p className="text-sm text-muted">{t(`recurring.${mode}Explain`)}</p>
                <Button type="submit" variant={mode === 'all' ? 'primary' : 'secondary'} disabled={book.pending} className="w-full">
                  {t(`recurring.${mode}`, { free: freeCount })}
                </Button>
              </form>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}

const WEEK = 7 * 86_400_000;

/** Weeks numbered from the series' first week, so a skipped week keeps its number. */
function WeekList({ heading, weeks, first }: { heading: string; weeks: RecurringWeek[]; first?: string }) {
  const t = useTranslations('staffBookings');
  const numberOf = (startsAt: string) => (first ? Math.round((Date.parse(startsAt) - Date.parse(first)) / WEEK) + 1 : 1);
  return <SpanList heading={heading} spans={weeks.map((week) => ({ ...week, label: t('recurring.weekNumber', { number: numberOf(week.startsAt) }) }))} />;
}
