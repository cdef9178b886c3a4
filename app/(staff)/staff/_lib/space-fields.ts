import 'server-only';
import { checked, numberOrNull, text } from '@/server/form-data';

/**
 * The fields components/register/space-fields.tsx posts, as the register's space schemas take
 * them: shared by "add a space" and "edit a space". A blank accessibility note reads as missing
 * here; editing turns it into '' (cleared).
 */
export function spaceFieldsFrom(formData: FormData) {
  return {
    name: text(formData, 'name') ?? '',
    setting: text(formData, 'setting'),
    useClass: text(formData, 'useClass'),
    floor: numberOrNull(formData, 'floor'),
    aboveGround: !checked(formData, 'belowGround'),
    bookable: checked(formData, 'bookable'),
    capacity: numberOrNull(formData, 'capacity'),
    accessibilityNotes: text(formData, 'accessibilityNotes'),
  };
}
