import { HTTP_STATUS_OF, type ErrorBody } from '../../shared/api/errors';
import { DomainError } from '../errors';

/**
 * The domain's error under the name the HTTP layer has always used: routes and plumbing throw it
 * too (a missing file, a wrong content type). Its status and body are HTTP's business, below.
 */
export { DomainError as AppError, zodFields } from '../errors';

export function statusOf(error: DomainError): number {
  return HTTP_STATUS_OF[error.code];
}

export function bodyOf(error: DomainError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
}
