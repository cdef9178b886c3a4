'use client';

import { useTranslations } from 'next-intl';
import { SelectField, TextField } from '@/components/ui/field';
import { FACILITY_KINDS } from './options';

export interface FacilityDefaults {
  name: string;
  kind: (typeof FACILITY_KINDS)[number];
  address: string;
  openedOn: string | null;
}

export const NEW_FACILITY: FacilityDefaults = { name: '', kind: 'comprehensive_centre', address: '', openedOn: null };

/** The fields that describe a facility, shared by "add a facility" and "edit a facility". */
export function FacilityFields({ idPrefix, defaults, errors }: { idPrefix: string; defaults: FacilityDefaults; errors: (name: string) => string[] | undefined }) {
  const t = useTranslations('register');
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <TextField id={id('name')} name="name" label={t('fields.facilityName')} defaultValue={defaults.name} required maxLength={60} errors={errors('name')} />
      <SelectField id={id('kind')} name="kind" label={t('fields.facilityKind')} defaultValue={defaults.kind} errors={errors('kind')}>
        {FACILITY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`facilityKinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextField id={id('address')} name="address" label={t('fields.address')} defaultValue={defaults.address} maxLength={120} autoComplete="off" errors={errors('address')} />
      <TextField id={id('opened-on')} name="openedOn" type="date" label={t('fields.openedOn')} hint={t('facilityForm.openedOnHint')} defaultValue={defaults.openedOn ?? ''} errors={errors('openedOn')} />
    </>
  );
}
