import { fieldMessages } from '../../../ui/fieldErrors';

/** The messages beside the fields of the unit forms: `admin.orgUnits.field.<field>.<code>`. */
export const unitFields = fieldMessages({ field: 'admin.orgUnits.field', onArray: true });
