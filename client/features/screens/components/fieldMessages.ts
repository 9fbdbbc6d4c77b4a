import { fieldMessages } from '../../../ui/fieldErrors';

/** The messages beside the fields of the screen forms: `screens.field.<field>.<code>`. */
export const screenFields = fieldMessages({ field: 'screens.field' });
