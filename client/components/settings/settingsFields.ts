import { fieldMessages } from '../form/fieldErrors';

/** The messages beside the fields of the settings forms: `admin.settings.field.<field>.<code>`. */
export const settingsFields = fieldMessages({ field: 'admin.settings.field' });
