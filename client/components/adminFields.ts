import { fieldMessages } from '../ui/fieldErrors';

/** The messages beside the fields of the admin forms: `admin.<form>.field.<field>.<code>`. */
export const userFields = fieldMessages({ field: 'admin.users.field', onArray: true });
export const tokenFields = fieldMessages({ field: 'admin.tokens.field', onArray: true });
export const auditFields = fieldMessages({ field: 'admin.audit.field', onArray: true });
