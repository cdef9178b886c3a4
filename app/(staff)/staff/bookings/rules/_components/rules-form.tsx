'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/staff-bookings/form-status';
import { RULE_FIELDS, WEEKDAYS, toFormUnit } from '@/components/staff-bookings/rule-fields';
import { useFieldErrors } from '@/components/staff-bookings/use-field-errors';
import { Button } from '@/components/ui/button';
import { TextField, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { BookingRulesInput } from '@/server/bookings/schemas';
import { updateBookingRulesAction } from '../../actions';

type Hours = Record<string, { opens: string; closes: string } | null>;

const GROUPS: { key: string; fields: (typeof RULE_FIELDS)[number]['key'][] }[] = [
  { key: 'durations', fields: ['slotMinutes', 'minMinutes', 'maxMinutes'] },
  { key: 'window', fields: ['minNoticeMinutes', 'maxDaysAhead', 'cancelCutoffMinutes'] },
  { key: 'quotas', fields: ['maxActiveBookings', 'maxMinutesPerWeek'] },
  { key: 'noShows', fields: ['noShowLimit', 'noShowWindowDays', 'suspensionDays'] },
];

/** A facility's booking rules in minutes, hours and days, and its opening hours per weekday. */
export function RulesForm({ facilityId, rules, defaults, openingHours, defaultHours }: { facilityId: string; rules: BookingRulesInput; defaults: BookingRulesInput; openingHours: Hours; defaultHours: Hours }) {
  const t = useTranslations('staffBookings');
  const { state, onSubmit, pending } = useFormAction(updateBookingRulesAction);
  const field = useFieldErrors(state);
  const [open, setOpen] = useState<Record<string, boolean>>(() => Object.fromEntries(WEEKDAYS.map((day) => [day, Boolean(openingHours[day])])));
  const formRef = useRef<HTMLFormElement>(null);
  const spec = (key: string) => RULE_FIELDS.find((f) => f.key === key)!;
  const unitValue = (key: (typeof RULE_FIELDS)[number]['key'], source: BookingRulesInput) => String(toFormUnit(spec(key), source[key]));

  /** Puts the defaults into the inputs; nothing is saved until the person saves. */
  function fillDefaults() {
    const form = formRef.current;
    if (!form) return;
    for (const rule of RULE_FIELDS) (form.elements.namedItem(rule.key) as HTMLInputElement).value = unitValue(rule.key, defaults);
    (form.querySelector(`input[name="requiresApproval"][value="${defaults.requiresApproval ? 'yes' : 'no'}"]`) as HTMLInputElement).checked = true;
    for (const day of WEEKDAYS) {
      const hours = defaultHours[day];
      if (hours) {
        (form.elements.namedItem(`hours.${day}.opens`) as HTMLInputElement).value = hours.opens;
        (form.elements.namedItem(`hours.${day}.closes`) as HTMLInputElement).value = hours.closes;
      }
    }
    setOpen(Object.fromEntries(WEEKDAYS.map((day) => [day, Boolean(defaultHours[day])])));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={t('rules.formLabel')} className="space-y-6">
      <input type="hidden" name="facilityId" value={facilityId} />

      <fieldset className="space-y-3 rounded-lg border border-slate-300 p-4" aria-describedby="approval-hint">
        <legend className="px-1 text-lg font-bold">{t('rules.approval.legend')}</legend>
        <p id="approval-hint" className="text-sm text-muted">
          {t('rules.approval.hint', { default: defaults.requiresApproval ? t('rules.approval.yes') : t('rules.approval.no') })}
        </p>
        <div className="flex flex-col gap-1 sm:flex-row sm:gap-6">
          {(['yes', 'no'] as const).map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="requiresApproval" value={value} defaultChecked={rules.requiresApproval === (value === 'yes')} className="size-5 accent-brand-700" />
              {t(`rules.approval.${value}`)}
            </label>
          ))}
        </div>
        <div aria-live="polite" className="text-sm font-medium text-red-800">
          {field('requiresApproval')?.map((message) => <p key={message}>{message}</p>)}
        </div>
      </fieldset>

      {GROUPS.map((group) => (
        <fieldset key={group.key} className="rounded-lg border border-slate-300 p-4">
          <legend className="px-1 text-lg font-bold">{t(`rules.groups.${group.key}`)}</legend>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {group.fields.map((key) => (
              <TextField
                key={key}
                id={`rule-${key}`}
                name={key}
                inputMode={spec(key).unit === 'hours' ? 'decimal' : 'numeric'}
                autoComplete="off"
                label={t('rules.label', { name: t(`rules.fields.${key}.label`), unit: t(`rules.units.${spec(key).unit}`) })}
                hint={t('rules.hint', { explain: t(`rules.fields.${key}.hint`), default: unitValue(key, defaults), unit: t(`rules.units.${spec(key).unit}`) })}
                defaultValue={unitValue(key, rules)}
                errors={field(key)}
              />
            ))}
          </div>
        </fieldset>
      ))}

      <fieldset className="rounded-lg border border-slate-300 p-4">
        <legend className="px-1 text-lg font-bold">{t('rules.hours.legend')}</legend>
        <p className="mb-3 text-sm text-muted">{t('rules.hours.hint')}</p>
        <ul className="divide-y divide-slate-200">
          {WEEKDAYS.map((day) => {
            const errorId = field(`hours.${day}`)?.length ? `hours-${day}-error` : undefined;
            return (
              <li key={day} className="grid gap-2 py-3 sm:grid-cols-[10rem_1fr_1fr] sm:items-center">
                <label className="flex min-h-11 items-center gap-2 font-medium">
                  <input
                    type="checkbox"
                    name={`hours.${day}.open`}
                    checked={open[day] ?? false}
                    onChange={(event) => setOpen((current) => ({ ...current, [day]: event.target.checked }))}
                    className="size-5 accent-brand-700"
                    aria-describedby={errorId}
                  />
                  {t('rules.hours.openOn', { day: t(`weekdaysLong.${day}`) })}
                </label>
                {open[day] ? (
                  <>
                    <label className="flex items-center gap-2">
                      <span className="w-16 shrink-0 text-sm text-muted sm:w-auto">{t('rules.hours.opens')}</span>
                      <input type="time" name={`hours.${day}.opens`} defaultValue={openingHours[day]?.opens ?? defaultHours[day]?.opens ?? '08:00'} className={inputClass} aria-describedby={errorId} aria-invalid={errorId ? true : undefined} />
                    </label>
                    <label className="flex items-center gap-2">
                      <span className="w-16 shrink-0 text-sm text-muted sm:w-auto">{t('rules.hours.closes')}</span>
                      <input type="time" name={`hours.${day}.closes`} defaultValue={openingHours[day]?.closes ?? defaultHours[day]?.closes ?? '21:30'} className={inputClass} aria-describedby={errorId} aria-invalid={errorId ? true : undefined} />
                    </label>
                  </>
                ) : (
                  <p className="text-muted sm:col-span-2">{t('rules.hours.closed')}</p>
                )}
                <div id={errorId} aria-live="polite" className="text-sm font-medium text-red-800 sm:col-span-3">
                  {field(`hours.${day}`)?.map((message) => <p key={message}>{message}</p>)}
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('common.working') : t('rules.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={fillDefaults}>
          {t('rules.fillDefaults')}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
