'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass, SelectField, TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { RuleSet } from '@/server/compliance/types';
import { createRuleSetVersionAction } from '../actions';

export function RuleSetVersionForm({ ruleSet }: { ruleSet: RuleSet }) {
  const t = useTranslations();
  const { state, onSubmit, pending } = useFormAction(createRuleSetVersionAction);
  const errors = (name: string) => state?.fieldErrors?.[name]?.map((key) => t(`validation.${key}`));
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="code" value={ruleSet.code} />
      {state?.ok ? <Alert tone="success">{t('ruleSets.created', { version: Number(state.message) })}</Alert> : null}
      {state && !state.ok && state.message ? <Alert tone="error">{t(`errors.${state.message}`)}</Alert> : null}
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t('ruleSets.rules')}</legend>
        {ruleSet.rules.map((rule) => (
          <TextField
            key={rule.code}
            id={`threshold-${rule.code}`}
            name={`threshold:${rule.code}`}
            label={t('ruleSets.ruleThreshold', { rule: rule.code })}
            hint={t(`ruleSets.units.${rule.unit}`)}
            inputMode="decimal"
            defaultValue={Number(rule.threshold)}
            errors={errors('rules')}
          />
        ))}
      </fieldset>
      <TextField id="rule-set-source" name="source" label={t('ruleSets.source')} defaultValue={ruleSet.source} errors={errors('source')} />
      <SelectField id="rule-set-verification" name="verification" label={t('ruleSets.verification')} defaultValue={ruleSet.verification} errors={errors('verification')}>
        {(['verified', 'press_only', 'unverified'] as const).map((value) => (
          <option key={value} value={value}>
            {t(`ruleSets.${value}`)}
          </option>
        ))}
      </SelectField>
      {(['notesZh', 'notesEn'] as const).map((name) => (
        <Field key={name} id={`rule-set-${name}`} label={`${t('ruleSets.notes')} (${name === 'notesZh' ? '中文' : 'English'})`} errors={errors(name)}>
          {(describedBy, invalid) => (
            <textarea id={`rule-set-${name}`} name={name} rows={3} className={inputClass} defaultValue={ruleSet[name]} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
          )}
        </Field>
      ))}
      <Button type="submit" disabled={pending}>
        {t('ruleSets.newVersion')}
      </Button>
    </form>
  );
}
