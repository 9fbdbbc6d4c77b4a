import { fieldMessages } from '../form/fieldErrors';

/**
 * The messages of the plan import: one written for a field and code
 * (`admin.plan.import.field.target.custom`), else one for the code on any field
 * (`admin.plan.import.fieldError.unknown_unit`), else the shared ones. A nested path
 * (`milestones.2.value`) is told on its column.
 */
export const planImportFields = fieldMessages({
  field: 'admin.plan.import.field',
  code: 'admin.plan.import.fieldError',
  onArray: true,
});
