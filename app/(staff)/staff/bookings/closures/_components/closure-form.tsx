'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { DateTimeFields } from '@/components/staff-bookings/date-time-fields';
import { FacilitySelect, type FacilityChoice } from '@/components/staff-bookings/facility-select';
import { formatSpan } from '@/components/staff-bookings/format';
import { FormStatus } from '@/components/staff-bookings/form-status';
import type { ClosureResult } from '@/components/staff-bookings/results';
import { useFieldErrors } from '@/components/staff-bookings/use-field-errors';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { createClosureAction } from '../../actions';

export interface ClosureFacility extends FacilityChoice {
  rooms: { id: string; name: string }[];
}

/**
 * Close a room or a whole facility. When something is in the way the form lists it; residents'
 * bookings can then be cancelled (and the residents told) by resubmitting exactly what was
 * checked. Activity sessions and other closures in the way cannot be removed from here.
 */
export function ClosureForm({ facilities, initialFacilityId }: { facilities: ClosureFacility[]; initialFacilityId: string }) {
  const t = useTranslations('staffBookings');
  const { state: raw, onSubmit, pending } = useFormAction(createClosureAction);
  const state = raw as ClosureResult | null;
  const field = useFieldErrors(state);
  const [facilityId, setFacilityId] = useState(initialFacilityId);
  const [checked, setChecked] = useState<[string, string][] | null>(null);
  const [changedSince, setChangedSince] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const rooms = facilities.find((facility) => facility.id === facilityId)?.rooms ?? [];

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      formRef.current?.reset();
      setFacilityId(initialFacilityId);
      setChecked(null);
    }
    if (state.ok || state.conflicts) statusRef.current?.focus();
  }, [state, initialFacilityId]);

  function submit(event: FormEvent<HTMLFormElement>) {
    setChecked([...new FormData(event.currentTarget).entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    setChangedSince(false);
    onSubmit(event);
  }

  const conflicts = state?.conflicts ?? [];
  const onlyBookings = conflicts.length > 0 && conflicts.every((conflict) => conflict.kind === 'booking');
  const bookingCount = conflicts.filter((conflict) => conflict.kind === 'booking').length;

  return (
    <div className="space-y-6">
      <form ref={formRef} onSubmit={submit} onChange={() => setChangedSince(true)} noValidate aria-label={t('closures.formLabel')} className="grid gap-4 rounded-lg border border-slate-300 p-4 sm:grid-cols-2">
        <FacilitySelect id="closure-facility" name="facilityId" label={t('common.facility')} facilities={facilities} value={facilityId} onChange={(event) => setFacilityId(event.target.value)} errors={field('facilityId')} />
        <SelectField id="closure-room" name="spaceId" label={t('closures.room')} hint={t('closures.roomHint')} defaultValue="" key={facilityId} errors={field('spaceId')}>
          <option value="">{t('closures.wholeFacility')}</option>
          {rooms.map((room) => (
            <option key={room.id} value={room.id}>
              {room.name}
            </option>
          ))}
        </SelectField>
        <fieldset className="space-y-1 sm:col-span-2">
          <legend className="font-medium">{t('closures.kind')}</legend>
          <div className="flex flex-wrap gap-x-6">
            {(['closure', 'maintenance'] as const).map((kind) => (
              <label key={kind} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="kind" value={kind} defaultChecked={kind === 'closure'} className="size-5 accent-brand-700" />
                {t(`closures.kinds.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <DateTimeFields id="closure-start" legend={t('closures.start')} errors={field('start')} date={{ name: 'startDate', label: t('common.date') }} time={{ name: 'startTime', label: t('common.time'), defaultValue: '00:00' }} />
        <DateTimeFields id="closure-end" legend={t('closures.end')} hint={t('closures.endHint')} errors={field('end')} date={{ name: 'endDate', label: t('common.date') }} time={{ name: 'endTime', label: t('common.time'), defaultValue: '00:00' }} />
        <div className="sm:col-span-2">
          <TextField id="closure-reason" name="reason" label={t('closures.reason')} hint={t('closures.reasonHint')} maxLength={300} autoComplete="off" errors={field('reason')} />
        </div>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? t('common.working') : t('closures.submit')}
          </Button>
        </div>
      </form>

      <div ref={statusRef} tabIndex={-1} className="space-y-3 focus:outline-none">
        <FormStatus state={state} successValues={{ count: state?.cancelledBookings ?? 0 }} />
        {conflicts.length > 0 ? (
          <section aria-labelledby="closure-conflicts" className="space-y-3 rounded-lg border border-red-700 p-4">
            <h2 id="closure-conflicts" className="text-lg font-bold">
              {t('closures.conflictsHeading', { count: conflicts.length })}
            </h2>
            <ul className="divide-y divide-slate-200">
              {conflicts.map((conflict) => (
                <li key={`${conflict.room}-${conflict.startsAt}-${conflict.kind}`} className="py-2">
                  <span className="font-semibold">{conflict.room}</span> · {formatSpan(t, conflict)} · <span className="font-semibold">{t(`kinds.${conflict.kind}`)}</span>
                </li>
              ))}
            </ul>
            {changedSince ? (
              <p>{t('closures.changedSince')}</p>
            ) : onlyBookings && checked ? (
              <form onSubmit={onSubmit} className="space-y-2">
                {checked.filter(([name]) => name !== 'cancelConflicting').map(([name, value]) => (
                  <input key={name} type="hidden" name={name} value={value} />
                ))}
                <input type="hidden" name="cancelConflicting" value="true" />
                <p>{t('closures.cancelExplain', { count: bookingCount })}</p>
                <Button type="submit" variant="danger" disabled={pending}>
                  {t('closures.cancelAndClose', { count: bookingCount })}
                </Button>
              </form>
            ) : (
              <p className="font-medium">{t('closures.othersInTheWay')}</p>
            )}
          </section>
        ) : null}
      </div>
    </div>
  );
}
