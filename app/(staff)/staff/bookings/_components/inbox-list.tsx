'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/staff-bookings/form-status';
import { useFieldErrors } from '@/components/staff-bookings/use-field-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FormResult } from '@/server/form-result';
import { approveBookingAction, rejectBookingAction } from '../actions';

export interface InboxItem {
  id: string;
  startsAt: string;
  room: string;
  facility: string;
  when: string;
  submitted: string;
  resident: string;
  purpose: string;
  attendees: number;
  capacity: number | null;
  past: boolean;
}

/**
 * The requests awaiting a decision. A request being decided here is held on screen — the list
 * refreshed after the decision no longer holds it — so the person sees the outcome in words.
 */
export function InboxList({ items }: { items: InboxItem[] }) {
  const t = useTranslations('staffBookings.inbox');
  const [held, setHeld] = useState<Record<string, InboxItem>>({});
  const shown = [...items.filter((item) => !held[item.id]), ...Object.values(held)].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (shown.length === 0) return <p className="rounded-md bg-slate-50 p-4">{t('empty')}</p>;
  return (
    <ul className="space-y-4">
      {shown.map((item) => (
        <li key={item.id}>
          <RequestCard item={item} onDeciding={() => setHeld((current) => (current[item.id] ? current : { ...current, [item.id]: item }))} />
        </li>
      ))}
    </ul>
  );
}

function RequestCard({ item, onDeciding }: { item: InboxItem; onDeciding: () => void }) {
  const t = useTranslations('staffBookings');
  const approve = useFormAction(approveBookingAction);
  const reject = useFormAction(rejectBookingAction);
  const rejectErrors = useFieldErrors(reject.state);
  const outcome = useRef<HTMLDivElement>(null);
  const decided = [approve.state, reject.state].find((state): state is FormResult => Boolean(state?.ok))?.message;
  useEffect(() => {
    if (decided) outcome.current?.focus();
  }, [decided]);
  const submitWith = (onSubmit: (event: FormEvent<HTMLFormElement>) => void) => (event: FormEvent<HTMLFormElement>) => {
    onDeciding();
    onSubmit(event);
  };
  const titleId = `request-${item.id}`;
  const busy = approve.pending || reject.pending;
  return (
    <article aria-labelledby={titleId} className="rounded-lg border border-slate-300 p-4">
      <h2 id={titleId} className="text-lg font-bold">
        {item.room}
        <span className="block text-base font-normal text-muted sm:inline">
          <span className="hidden sm:inline"> · </span>
          {item.facility}
        </span>
      </h2>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted">{t('inbox.when')}</dt>
        <dd className="font-semibold">
          {item.when}
          {item.past ? <span className="ml-2 font-normal text-red-800">{t('inbox.past')}</span> : null}
        </dd>
        <dt className="text-muted">{t('inbox.resident')}</dt>
        <dd>{item.resident}</dd>
        <dt className="text-muted">{t('inbox.purpose')}</dt>
        <dd className="break-words">{item.purpose}</dd>
        <dt className="text-muted">{t('inbox.attendees')}</dt>
        <dd>{item.capacity ? t('inbox.attendeesOfCapacity', { attendees: item.attendees, capacity: item.capacity }) : t('inbox.attendeesOnly', { attendees: item.attendees })}</dd>
        <dt className="text-muted">{t('inbox.submitted')}</dt>
        <dd>{item.submitted}</dd>
      </dl>
      {decided ? (
        <div ref={outcome} tabIndex={-1} className="mt-3">
          <Alert tone="success">{t(`results.${decided}`)}</Alert>
        </div>
      ) : (
        <div className="mt-4 grid gap-4 border-t border-slate-200 pt-4 md:grid-cols-[auto_1fr] md:items-start">
          <form onSubmit={submitWith(approve.onSubmit)} aria-label={t('inbox.approveForm', { room: item.room })} className="space-y-2">
            <input type="hidden" name="bookingId" value={item.id} />
            <FormStatus state={approve.state} />
            <Button type="submit" disabled={busy} className="w-full md:w-auto">
              <span aria-hidden="true">✓</span>
              {t('inbox.approve')}
            </Button>
          </form>
          <form onSubmit={submitWith(reject.onSubmit)} noValidate aria-label={t('inbox.rejectForm', { room: item.room })} className="space-y-2">
            <input type="hidden" name="bookingId" value={item.id} />
            {reject.state && !reject.state.ok && !reject.state.fieldErrors ? <FormStatus state={reject.state} /> : null}
            <TextField id={`reject-reason-${item.id}`} name="reason" label={t('inbox.reason')} hint={t('inbox.reasonHint')} maxLength={300} autoComplete="off" errors={rejectErrors('reason')} />
            <Button type="submit" variant="danger" disabled={busy} className="w-full md:w-auto">
              <span aria-hidden="true">✕</span>
              {t('inbox.reject')}
            </Button>
          </form>
        </div>
      )}
    </article>
  );
}
