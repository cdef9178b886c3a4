'use client';

import { SelectField } from '@/components/ui/field';
import type { ComponentProps, ReactNode } from 'react';

export interface TownChoice {
  code: string;
  name: string;
  communities: { id: string; name: string }[];
}

/** A select of every village and community, grouped by town. */
export function CommunityPicker({
  towns,
  emptyOption,
  ...props
}: Omit<ComponentProps<typeof SelectField>, 'children'> & { towns: TownChoice[]; emptyOption?: ReactNode }) {
  return (
    <SelectField {...props}>
      {emptyOption ? <option value="">{emptyOption}</option> : null}
      {towns.map((town) => (
        <optgroup key={town.code} label={town.name}>
          {town.communities.map((community) => (
            <option key={community.id} value={community.id}>
              {community.name}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
