'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { formatDate, formatDay, formatMinutes, formatTime, formatTimeRange } from '@/components/bookings/format';
import { dateOf, durationsFrom, freeStartsOn, type CellState, type Schedule, type ScheduleCell } from '@/components/bookings/schedule';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { shanghaiInstant } from '@/server/bookings/shanghai-time';
import { createBookingAction, type BookingFormResult } from '../actions';

interface Room {
  roomId: string;
  roomName: string;
  capacity: number | null;
  minNoticeMinutes: number;
  maxDaysAhead: number;
}

interface Selection {
  startsAt: string;
  duration: number;
}

// Every state is said in words; the colours only repeat it.
const CELL_CLASS: Record<CellState, string> = {
  free: 'border border-green-700 bg-green-50 text-green-900',
  booking: 'bg-slate-300 text-slate-900',
  activity_session: 'bg-amber-100 text-amber-950',
  closure: 'bg-red-100 text-red-950',
  maintenance: 'bg-red-100 text-red-950',
  past: 'bg-slate-50 text-muted',
  not_yet: 'bg-slate-50 text-muted',
  unavailable: 'bg-slate-50 text-muted',
  closed: 'bg-slate-100 text-muted',
};
const SELECTED_CLASS = 'border-2 border-brand-800 bg-brand-700 text-white';

const noon = (date: string) => shanghaiInstant(date, 720);
const minuteLabel = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const span = (selection: Selection) => ({ from: Date.parse(selection.startsAt), to: Date.parse(selection.startsAt) + selection.duration * 60_000 });

/**
 * The week of one room: a table of days × times on a desktop, one day's list with big buttons on a
 * phone, and — once a free time is picked — the booking form inline below. Nothing opens by itself.
 */
export function RoomBooking({ room, schedule, initialDay, today, canBook }: { room: Room; schedule: Schedule; initialDay: string; today: string; canBook: boolean }) {
  const t = useTranslations('bookings');
  const format = useFormatter();
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const day = chosenDay && schedule.days.some((d) => d.date === chosenDay) ? chosenDay : initialDay;
  const [selection, setSelection] = useState<Selection | null>(null);
  const [purpose, setPurpose] = useState('');
  const [attendees, setAttendees] = useState('');
  const [formKey, setFormKey] = useState(0);
  const [booked, setBooked] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  function pick(startsAt: string) {
    const durations = durationsFrom(schedule, startsAt);
    const keep = selection && durations.includes(selection.duration) ? selection.duration : null;
    setSelection({ startsAt, duration: keep ?? (durations.includes(60) ? 60 : (durations[0] ?? schedule.minMinutes)) });
    if (booked) {
      setBooked(false);
      setFormKey((key) => key + 1);
    }
    setFocusRequest((n) => n + 1);
  }

  const selected = (cell: ScheduleCell) => {
    if (!selection || cell.state !== 'free') return false;
    const { from, to } = span(selection);
    const start = Date.parse(cell.startsAt);
    return start >= from && start < to;
  };

  function cellContent(cell: ScheduleCell, variant: 'table' | 'list') {
    if (cell.state === 'free' && canBook) {
      const isSelected = selected(cell);
      return (
        <button
          type="button"
          data-start={cell.startsAt}
          aria-pressed={isSelected}
          onClick={() => pick(cell.startsAt)}
          className={`flex w-full flex-col items-center justify-center rounded-md font-medium hover:brightness-95 ${variant === 'table' ? 'min-h-11 px-1' : 'min-h-16 px-2'} ${isSelected ? SELECTED_CLASS : CELL_CLASS.free}`}
        >
          <span className="sr-only">{formatDay(format, cell.startsAt)} </span>
          {variant === 'list' ? <span className="text-xl font-bold">{formatTime(format, cell.startsAt)}</span> : null}
          {variant === 'table' ? <span className="sr-only">{formatTime(format, cell.startsAt)} </span> : null}
          <span>{isSelected ? t('state.selected') : t('state.free')}</span>
        </button>
      );
    }
    const label = cell.state === 'free' ? t('state.freeSignedOut') : t(`state.${cell.state}`);
    if (variant === 'list') {
      return (
        <span className="flex flex-wrap justify-between gap-x-3">
          <span className="tabular-nums">{formatTimeRange(format, cell.startsAt, cell.endsAt)}</span>
          <span className="font-semibold">{label}</span>
        </span>
      );
    }
    return (
      <span className="block">
        {cell.rows > 1 ? <span className="block">{formatTimeRange(format, cell.startsAt, cell.endsAt)}</span> : null}
        <span>{label}</span>
      </span>
    );
  }

  const current = schedule.days.find((d) => d.date === day) ?? schedule.days[0]!;
  const groups: { free: ScheduleCell[] | null; cell: ScheduleCell | null }[] = [];
  for (const cell of current.cells) {
    if (!cell) continue;
    const last = groups.at(-1);
    if (cell.state === 'free') {
      if (last?.free) last.free.push(cell);
      else groups.push({ free: [cell], cell: null });
    } else groups.push({ free: null, cell });
  }

  return (
    <div className="space-y-6">
      {/* Desktop and tablet: the whole week. */}
      <div className="hidden overflow-x-auto sm:block elder:hidden!">
        <table className="w-full min-w-[40rem] table-fixed border-separate border-spacing-0.5 text-center">
          <caption className="sr-only">{t('weekRange', { from: formatDay(format, noon(schedule.weekStart)), to: formatDay(format, noon(schedule.days[6]!.date)) })}</caption>
          <thead>
            <tr>
              <th scope="col" className="w-16 py-2 font-medium text-muted">
                {t('timeColumn')}
              </th>
              {schedule.days.map((d) => (
                <th key={d.date} scope="col" aria-current={d.date === today ? 'date' : undefined} className={`py-2 font-semibold ${d.date === today ? 'rounded-md bg-brand-50' : ''}`}>
                  <span className="block">{format.dateTime(noon(d.date), { weekday: 'short' })}</span>
                  <span className="block font-normal">{format.dateTime(noon(d.date), { month: 'numeric', day: 'numeric' })}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {schedule.rows.map((minute, row) => (
              <tr key={minute}>
                <th scope="row" className="h-11 pr-2 text-right align-top font-normal text-muted tabular-nums">
                  {minuteLabel(minute)}
                </th>
                {schedule.days.map((d) => {
                  const cell = d.cells[row];
                  if (!cell) return null;
                  const free = cell.state === 'free' && canBook;
                  return (
                    <td key={d.date} rowSpan={cell.rows} className={`align-middle ${free ? '' : `rounded-md ${CELL_CLASS[cell.state]}`} ${cell.state === 'free' && !canBook ? 'border-0' : ''}`}>
                      {cellContent(cell, 'table')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {/* Phone, and 长辈版 everywhere: one day at a time. */}
      <div className="space-y-4 sm:hidden elder:block!">
        <div role="group" aria-label={t('dayTabs')} className="grid grid-cols-7 gap-1 elder:grid-cols-4!">
          {schedule.days.map((d) => (
            <button
              key={d.date}
              type="button"
              data-date={d.date}
              aria-pressed={d.date === day}
              aria-current={d.date === today ? 'date' : undefined}
              onClick={() => setChosenDay(d.date)}
              className={`flex min-h-14 flex-col items-center justify-center rounded-md border px-0.5 text-base leading-tight ${d.date === day ? 'border-brand-800 bg-brand-700 font-bold text-white' : 'border-slate-400 bg-white'}`}
            >
              <span>{format.dateTime(noon(d.date), { weekday: 'short' })}</span>
              <span>{format.dateTime(noon(d.date), { day: 'numeric' })}</span>
            </button>
          ))}
        </div>
        <h3 className="text-lg font-bold">{formatDay(format, noon(current.date))}</h3>
        {!current.hours ? (
          <p className="rounded-md bg-slate-100 p-4">{t('dayClosed')}</p>
        ) : (
          <>
            {current.freeCount === 0 ? <p className="rounded-md bg-slate-100 p-4">{t('noFreeSlots')}</p> : <p className="text-muted">{t('freeCount', { count: current.freeCount })}</p>}
            <ul className="space-y-2">
              {groups.map((group) =>
                group.free ? (
                  <li key={group.free[0]!.startsAt}>
                    <ul className="grid grid-cols-3 gap-2">
                      {group.free.map((cell) => (
                        <li key={cell.startsAt} className={canBook ? '' : 'rounded-md bg-green-50 p-2 text-center text-green-900'}>
                          {canBook ? cellContent(cell, 'list') : (
                            <>
                              <span className="block text-lg font-bold">{formatTime(format, cell.startsAt)}</span>
                              <span>{t('state.freeSignedOut')}</span>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  </li>
                ) : (
                  <li key={group.cell!.startsAt} className={`rounded-md px-3 py-2 ${CELL_CLASS[group.cell!.state]}`}>
                    {cellContent(group.cell!, 'list')}
                  </li>
                ),
              )}
            </ul>
          </>
        )}
      </div>

      {canBook ? (
        <BookingForm
          key={formKey}
          room={room}
          schedule={schedule}
          selection={selection}
          purpose={purpose}
          attendees={attendees}
          focusRequest={focusRequest}
          onPurpose={setPurpose}
          onAttendees={setAttendees}
          onSelect={setSelection}
          onClear={() => setSelection(null)}
          onBooked={() => {
            setBooked(true);
            setSelection(null);
          }}
          onReset={() => {
            setBooked(false);
            setFormKey((key) => key + 1);
          }}
        />
      ) : null}
    </div>
  );
}

interface BookingFormProps {
  room: Room;
  schedule: Schedule;
  selection: Selection | null;
  purpose: string;
  attendees: string;
  focusRequest: number;
  onPurpose: (value: string) => void;
  onAttendees: (value: string) => void;
  onSelect: (selection: Selection) => void;
  onClear: () => void;
  onBooked: () => void;
  onReset: () => void;
}

function BookingForm({ room, schedule, selection, purpose, attendees, focusRequest, onPurpose, onAttendees, onSelect, onClear, onBooked, onReset }: BookingFormProps) {
  const t = useTranslations();
  const format = useFormatter();
  const { state: result, onSubmit, pending } = useFormAction(createBookingAction);
  const state = result as BookingFormResult | null;
  // A refusal the resident has answered by picking an alternative: no longer shown.
  const [answered, setAnswered] = useState<BookingFormResult | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pickedRef = useRef<HTMLParagraphElement>(null);
  const successRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusRequest > 0) headingRef.current?.focus();
  }, [focusRequest]);
  useEffect(() => {
    if (picked) pickedRef.current?.focus();
  }, [picked]);
  useEffect(() => {
    if (state?.ok) {
      onBooked();
      successRef.current?.focus();
    }
    // onBooked changes on every render of the parent; the result is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  if (state?.ok && state.booking) {
    const booking = state.booking;
    return (
      <section aria-labelledby="booking-done" className="space-y-4">
        <div ref={successRef} tabIndex={-1} className="outline-none">
          <Alert tone="success">
            <h2 id="booking-done" className="text-lg font-bold">
              {booking.status === 'pending' ? t('bookings.successPending') : t('bookings.successConfirmed')}
            </h2>
            <p>
              {t('bookings.successDetail', {
                room: booking.roomName,
                day: formatDay(format, booking.startsAt),
                time: formatTimeRange(format, booking.startsAt, booking.endsAt),
                count: booking.attendees,
              })}
            </p>
            <p>{t('bookings.statusLabel', { status: t(`bookings.status.${booking.status}`) })}</p>
          </Alert>
        </div>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Link href="/my/bookings" className={buttonClass('primary')}>
            {t('bookings.goToMyBookings')}
          </Link>
          <Button variant="secondary" onClick={onReset}>
            {t('bookings.bookAnother')}
          </Button>
        </div>
      </section>
    );
  }
  if (!selection) return null;

  const live = state && !state.ok && state !== answered ? state : null;
  const field = (name: string) => live?.fieldErrors?.[name]?.map((key) => t(`validation.${key}`));
  const date = dateOf(selection.startsAt);
  const starts = [...new Set([...freeStartsOn(schedule, date), selection.startsAt])].sort((a, b) => Date.parse(a) - Date.parse(b));
  const lengths = durationsFrom(schedule, selection.startsAt);
  const durations = lengths.length > 0 ? lengths : [selection.duration];
  const ends = (minutes: number) => new Date(Date.parse(selection.startsAt) + minutes * 60_000).toISOString();

  function changeStart(startsAt: string) {
    const next = durationsFrom(schedule, startsAt);
    onSelect({ startsAt, duration: next.includes(selection!.duration) ? selection!.duration : (next.at(-1) ?? schedule.minMinutes) });
  }

  function pickAlternative(alternative: { startsAt: string; endsAt: string }) {
    onSelect({ startsAt: alternative.startsAt, duration: (Date.parse(alternative.endsAt) - Date.parse(alternative.startsAt)) / 60_000 });
    setAnswered(state);
    setPicked(alternative.startsAt);
  }

  const detail = live ? refusalDetail(live) : null;
  function refusalDetail(refusal: BookingFormResult): string | null {
    switch (refusal.message) {
      case 'booking_suspended':
        return refusal.detail?.suspendedUntil ? t('bookings.suspendedUntil', { date: formatDate(format, refusal.detail.suspendedUntil) }) : null;
      case 'booking_quota_active':
        return refusal.detail?.limit ? t('bookings.quotaActiveDetail', { limit: refusal.detail.limit }) : null;
      case 'booking_quota_weekly':
        return refusal.detail?.limitHours ? t('bookings.quotaWeeklyDetail', { hours: refusal.detail.limitHours }) : null;
      case 'booking_too_soon':
        return t('bookings.tooSoonDetail', { notice: formatMinutes((key, values) => t(`bookings.${key}`, values), room.minNoticeMinutes) });
      case 'booking_too_far_ahead':
        return t('bookings.tooFarDetail', { days: room.maxDaysAhead });
      case 'booking_over_capacity':
        return room.capacity ? t('bookings.capacityDetail', { capacity: room.capacity }) : null;
      default:
        return null;
    }
  }

  return (
    <section aria-labelledby="booking-form" className="rounded-lg border-2 border-brand-600 p-4 sm:p-6">
      <h2 id="booking-form" ref={headingRef} tabIndex={-1} className="mb-4 text-xl font-bold outline-none">
        {t('bookings.formHeading', { room: room.roomName })}
      </h2>
      <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
        <input type="hidden" name="roomId" value={room.roomId} />
        <p className="text-lg font-medium">{t('bookings.dateValue', { day: formatDay(format, selection.startsAt) })}</p>
        <SelectField id="booking-start" name="startsAt" label={t('bookings.startTime')} value={selection.startsAt} onChange={(event) => changeStart(event.target.value)} errors={field('startsAt')}>
          {starts.map((start) => (
            <option key={start} value={start}>
              {formatTime(format, start)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="booking-duration"
          name="duration"
          label={t('bookings.duration')}
          hint={t('bookings.durationHint')}
          value={String(selection.duration)}
          onChange={(event) => onSelect({ ...selection, duration: Number(event.target.value) })}
          errors={field('duration')}
        >
          {durations.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t('bookings.durationOption', {
                length: formatMinutes((key, values) => t(`bookings.${key}`, values), minutes),
                range: formatTimeRange(format, selection.startsAt, ends(minutes)),
              })}
            </option>
          ))}
        </SelectField>
        <TextField
          id="booking-purpose"
          name="purpose"
          label={t('bookings.purpose')}
          hint={t('bookings.purposeHint')}
          maxLength={200}
          value={purpose}
          onChange={(event) => onPurpose(event.target.value)}
          errors={field('purpose')}
        />
        <div className="max-w-xs">
          <TextField
            id="booking-attendees"
            name="attendees"
            type="number"
            inputMode="numeric"
            min={1}
            max={room.capacity ?? undefined}
            label={t('bookings.attendees')}
            hint={room.capacity ? t('bookings.attendeesHint', { capacity: room.capacity }) : undefined}
            value={attendees}
            onChange={(event) => onAttendees(event.target.value)}
            errors={field('attendees')}
          />
        </div>
        {live ? (
          <div className="space-y-3">
            <Alert tone="error">
              <p className="font-medium">{t(`errors.${live.message ?? 'validation'}`)}</p>
              {detail ? <p>{detail}</p> : null}
              {live.message === 'booking_quota_active' ? (
                <p>
                  <Link href="/my/bookings" className="font-medium underline">
                    {t('bookings.goToMyBookings')}
                  </Link>
                </p>
              ) : null}
            </Alert>
            {live.alternatives ? (
              live.alternatives.length > 0 ? (
                <div className="space-y-2">
                  <p className="font-medium">{t('bookings.alternativesHeading')}</p>
                  <ul className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
                    {live.alternatives.map((alternative) => (
                      <li key={alternative.startsAt}>
                        <Button variant="secondary" className="w-full" onClick={() => pickAlternative(alternative)}>
                          {t('bookings.slotLabel', { day: formatDay(format, alternative.startsAt), time: formatTimeRange(format, alternative.startsAt, alternative.endsAt) })}
                        </Button>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p>{t('bookings.noAlternatives')}</p>
              )
            ) : null}
          </div>
        ) : null}
        {picked && !live ? (
          <p ref={pickedRef} tabIndex={-1} role="status" className="rounded-md bg-brand-50 p-3 font-medium outline-none">
            {t('bookings.alternativePicked', { day: formatDay(format, selection.startsAt), time: formatTimeRange(format, selection.startsAt, ends(selection.duration)) })}
          </p>
        ) : null}
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button type="submit" disabled={pending} className="text-lg" data-confirm-booking>
            {pending ? t('bookings.submitting') : t('bookings.confirm')}
          </Button>
          <Button variant="secondary" onClick={onClear}>
            {t('bookings.clearSelection')}
          </Button>
        </div>
      </form>
    </section>
  );
}
