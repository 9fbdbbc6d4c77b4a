import type { z } from 'zod';
import { parseBody } from '../api';
import { send, type RequestOptions } from './http';

/** Sends a request and parses the answer with the API's own schema (shared/); a refusal throws an ApiError. */
export async function sendParsed<S extends z.ZodType>(method: string, path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
  return parseBody(await send(method, path, options), schema);
}
