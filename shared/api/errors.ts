import { z } from 'zod';
import { ERROR_CODES } from './error-codes';

export { ERROR_CODES, HTTP_STATUS_OF, type ErrorCode } from './error-codes';

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Field path (dot-joined) → stable field error code such as `too_big` or `date_after_today`. */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
