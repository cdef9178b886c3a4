import type { SelectHTMLAttributes } from 'react';
import { SelectField } from '@/components/ui/field';

export interface FacilityChoice {
  id: string;
  name: string;
  communityId: string;
  communityName: string;
}

/** Facilities grouped by community: one community's several facilities stay together. */
export function FacilitySelect({
  id,
  label,
  facilities,
  errors,
  hint,
  ...select
}: { id: string; label: string; facilities: FacilityChoice[]; errors?: string[]; hint?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const groups = new Map<string, { name: string; facilities: FacilityChoice[] }>();
  for (const facility of facilities) {
    const group = groups.get(facility.communityId) ?? { name: facility.communityName, facilities: [] };
    group.facilities.push(facility);
    groups.set(facility.communityId, group);
  }
  return (
    <SelectField id={id} label={label} errors={errors} hint={hint} {...select}>
      {[...groups.entries()].map(([communityId, group]) => (
        <optgroup key={communityId} label={group.name}>
          {group.facilities.map((facility) => (
            <option key={facility.id} value={facility.id}>
              {facility.name}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
