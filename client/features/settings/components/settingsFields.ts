import { fieldMessages } from '../../../ui/fieldErrors';

/** The messages beside the fields of the settings forms: `admin.settings.field.<field>.<code>`. */
export const settingsFields = fieldMessages({ field: 'admin.settings.field' });
