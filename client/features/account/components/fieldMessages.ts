import { fieldMessages } from '../../../ui/fieldErrors';

/** The messages beside the email field (account and the admin's user forms). */
export const emailFields = fieldMessages({ field: 'notifications.field' });
