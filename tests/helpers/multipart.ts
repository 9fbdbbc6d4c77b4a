/** Sends a file as multipart/form-data field `file`, as a browser's form does. */
export async function uploadFile(
  url: string,
  fileName: string,
  content: Buffer | string,
  credentials: { cookie?: string; token?: string },
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), fileName);
  const headers: Record<string, string> = {};
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
  const response = await fetch(url, { method: 'POST', body: form, headers });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
