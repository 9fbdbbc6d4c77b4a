import { fieldMessages } from '../ui/fieldErrors';

/**
 * The messages beside the workspace's fields: one written for that field
 * (`workspace.field.date.custom`), else one of the workspace's own codes
 * (`workspace.fieldError.unknown_indicator`), else the shared reading and shape messages.
 */
export const workspaceFields = fieldMessages({ field: 'workspace.field', code: 'workspace.fieldError' });
