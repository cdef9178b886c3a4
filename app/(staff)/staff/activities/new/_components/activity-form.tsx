'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { DateTimeFields } from '@/components/staff-bookings/date-time-fields';
import { FormStatus } from '@/components/staff-bookings/form-status';
import { SpanList } from '@/components/staff-bookings/span-list';
import { useFieldErrors } from '@/components/staff-bookings/use-field-errors';
import { Button } from '@/components/ui/button';
import { Field, SelectField, TextField, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { createActivityAction, previewActivityAction, type ActivityFormResult } from '../../actions';

export interface ActivityRoomChoice {
  id: string;
  name: string;
  rooms: { id: string; name: string; capacity: number | null }[];
}

const CATEGORIES = ['elderly', 'youth', 'family', 'culture', 'sports', 'volunteering', 'health', 'other'] as const;

/**
 * A new activity: its first session and, optionally, the same time every week until a date.
 * "Check the room" lists every session and what holds the room then, before anything is saved;
 * saving refuses the whole activity if any session collides.
 */
export function ActivityForm({ facilities, today }: { facilities: ActivityRoomChoice[]; today: string }) {
  const t = useTranslations();
  const preview = useFormAction(previewActivityAction);
  const save = useFormAction(createActivityAction);
  const [showing, setShowing] = useState<'preview' | 'save'>('preview');
  const state = (showing === 'save' ? save.state : preview.state) as ActivityFormResult | null;
  const field = useFieldErrors(state);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state) resultRef.current?.focus();
  }, [state]);

  return (
    <form
      onSubmit={(event) => {
        const intent = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? 'preview';
        setShowing(intent === 'preview' ? 'preview' : 'save');
        (intent === 'preview' ? preview : save).onSubmit(event);
      }}
      noValidate
      aria-label={t('staffActivities.new.formLabel')}
      className="grid gap-4 rounded-lg border border-slate-300 p-4 sm:grid-cols-2"
    >
      <div className="sm:col-span-2">
        <TextField id="activity-title" name="title" label={t('staffActivities.new.title')} maxLength={120} autoComplete="off" errors={field('title')} required />
      </div>
      <div className="sm:col-span-2">
        <Field id="activity-description" label={t('staffActivities.new.description')} hint={t('staffActivities.new.descriptionHint')} errors={field('description')}>
          {(describedBy, invalid) => <textarea id="activity-description" name="description" rows={4} maxLength={4000} className={inputClass} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
        </Field>
      </div>
      <SelectField id="activity-category" name="category" label={t('staffActivities.new.category')} errors={field('category')} defaultValue="">
        <option value="" disabled>
          {t('staffActivities.new.chooseCategory')}
        </option>
        {CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t(`activities.categories.${category}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id="activity-audience" name="audience" label={t('staffActivities.new.audience')} errors={field('audience')} defaultValue="everyone">
        <option value="everyone">{t('staffActivities.new.audienceEveryone')}</option>
        <option value="community">{t('staffActivities.new.audienceCommunity')}</option>
      </SelectField>
      <SelectField id="activity-room" name="roomId" label={t('staffActivities.new.room')} errors={field('roomId')} defaultValue="">
        <option value="" disabled>
          {t('staffActivities.new.chooseRoom')}
        </option>
        {facilities.map((facility) => (
          <optgroup key={facility.id} label={facility.name}>
            {facility.rooms.map((room) => (
              <option key={room.id} value={room.id}>
                {room.capacity ? t('staffBookings.recurring.roomOption', { room: room.name, capacity: room.capacity }) : room.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextField id="activity-capacity" name="capacity" inputMode="numeric" label={t('staffActivities.new.capacity')} hint={t('staffActivities.new.capacityHint')} autoComplete="off" errors={field('capacity')} required />
      <DateTimeFields
        id="activity-start"
        legend={t('staffActivities.new.first')}
        errors={field('start')}
        date={{ name: 'date', label: t('staffBookings.common.date'), min: today }}
        time={{ name: 'startTime', label: t('staffActivities.new.startTime'), defaultValue: '09:30' }}
      />
      <div className="space-y-4">
        <TextField id="activity-end" name="endTime" type="time" label={t('staffActivities.new.endTime')} defaultValue="11:00" errors={field('end')} required />
        <TextField id="activity-repeat" name="repeatUntil" type="date" min={today} label={t('staffActivities.new.repeatUntil')} hint={t('staffActivities.new.repeatUntilHint')} errors={field('repeatUntil')} />
      </div>
      <TextField id="activity-opens" name="signupOpensAt" type="datetime-local" label={t('staffActivities.new.signupOpensAt')} hint={t('staffActivities.new.signupOpensHint')} errors={field('signupOpensAt')} />
      <TextField id="activity-closes" name="signupClosesAt" type="datetime-local" label={t('staffActivities.new.signupClosesAt')} hint={t('staffActivities.new.signupClosesHint')} errors={field('signupClosesAt')} />

      <div ref={resultRef} tabIndex={-1} className="space-y-3 outline-none sm:col-span-2">
        <FormStatus state={state} namespace="staffActivities.results" successValues={{ count: state?.sessions?.length ?? 0, conflicts: state?.conflicts?.length ?? 0 }} />
        {state?.sessions || state?.conflicts ? (
          <SpanList
            heading={t('staffActivities.new.sessionsHeading')}
            spans={(state.sessions ?? state.conflicts ?? []).map((session) => ({
              ...session,
              conflict: state.conflicts?.find((c) => Date.parse(c.startsAt) === Date.parse(session.startsAt))?.conflict ?? null,
            }))}
          />
        ) : null}
      </div>
      <div className="flex flex-col gap-3 sm:col-span-2 sm:flex-row">
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={preview.pending || save.pending}>
          {t('staffActivities.new.check')}
        </Button>
        <Button type="submit" name="intent" value="published" disabled={preview.pending || save.pending}>
          {t('staffActivities.new.publish')}
        </Button>
        <Button type="submit" name="intent" value="draft" variant="secondary" disabled={preview.pending || save.pending}>
          {t('staffActivities.new.saveDraft')}
        </Button>
      </div>
    </form>
  );
}
