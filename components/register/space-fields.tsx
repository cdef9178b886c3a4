'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { SelectField, TextField } from '@/components/ui/field';
import { CheckboxField } from './checkbox-field';
import { SETTINGS, USE_CLASSES } from './options';
import { TextAreaField } from './text-area-field';

export interface SpaceDefaults {
  name: string;
  setting: (typeof SETTINGS)[number];
  useClass: (typeof USE_CLASSES)[number];
  floor: number | null;
  aboveGround: boolean;
  bookable: boolean;
  capacity: number | null;
  accessibilityNotes: string | null;
}

export const NEW_SPACE: SpaceDefaults = { name: '', setting: 'indoor', useClass: 'resident_activity', floor: 1, aboveGround: true, bookable: false, capacity: null, accessibilityNotes: null };

/** The fields that describe a space, shared by "add a space" and "edit a space". */
export function SpaceFields({ idPrefix, defaults, errors }: { idPrefix: string; defaults: SpaceDefaults; errors: (name: string) => string[] | undefined }) {
  const t = useTranslations('register');
  const [bookable, setBookable] = useState(defaults.bookable);
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <TextField id={id('name')} name="name" label={t('fields.spaceName')} hint={t('spaceForm.nameHint')} defaultValue={defaults.name} required maxLength={60} errors={errors('name')} />
      <SelectField id={id('setting')} name="setting" label={t('fields.setting')} defaultValue={defaults.setting} errors={errors('setting')}>
        {SETTINGS.map((setting) => (
          <option key={setting} value={setting}>
            {t(`settings.${setting}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id={id('use-class')} name="useClass" label={t('fields.useClass')} hint={t('spaceForm.useClassHint')} defaultValue={defaults.useClass} errors={errors('useClass')}>
        {USE_CLASSES.map((useClass) => (
          <option key={useClass} value={useClass}>
            {t(`useClasses.${useClass}`)}
          </option>
        ))}
      </SelectField>
      <TextField id={id('floor')} name="floor" type="number" inputMode="numeric" min={-5} max={100} step={1} label={t('fields.floor')} hint={t('spaceForm.floorHint')} defaultValue={defaults.floor ?? ''} errors={errors('floor')} />
      <CheckboxField id={id('below-ground')} name="belowGround" label={t('fields.belowGround')} defaultChecked={!defaults.aboveGround} errors={errors('aboveGround')} />
      <CheckboxField
        id={id('bookable')}
        name="bookable"
        label={t('fields.bookable')}
        hint={t('spaceForm.bookableHint')}
        checked={bookable}
        onChange={(event) => setBookable(event.target.checked)}
        errors={errors('bookable')}
      />
      <TextField
        id={id('capacity')}
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={10000}
        step={1}
        label={t('fields.capacity')}
        hint={bookable ? t('spaceForm.capacityRequired') : undefined}
        required={bookable}
        defaultValue={defaults.capacity ?? ''}
        errors={errors('capacity')}
      />
      <div className="sm:col-span-2">
        <TextAreaField id={id('accessibility')} name="accessibilityNotes" label={t('fields.accessibility')} hint={t('spaceForm.accessibilityHint')} defaultValue={defaults.accessibilityNotes ?? ''} maxLength={500} errors={errors('accessibilityNotes')} />
      </div>
    </>
  );
}
