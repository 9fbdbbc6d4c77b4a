/** A new display token from `url`'s server, asked for by the signed-in `cookie` (an admin's). */
export async function displayToken(url: string, cookie: string, name = 'bench'): Promise<string> {
  const response = await fetch(`${url}/api/displays`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name }) });
  return ((await response.json()) as { token: string }).token;
}
