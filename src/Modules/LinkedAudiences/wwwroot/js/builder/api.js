// The module's JSON API as the builder calls it: same origin, the admin's cookie, and the page's anti-forgery token
// in the RequestVerificationToken header for POSTs (as the API requires of cookie-authenticated callers).

export class Api {
  constructor(base, form) {
    this.base = (base || '/api/linked-audiences').replace(/\/$/, '');
    this.form = form;
  }

  token() {
    const input = this.form?.querySelector('input[name="__RequestVerificationToken"]')
      ?? document.querySelector('input[name="__RequestVerificationToken"]');
    return input?.value ?? '';
  }

  /** POST graphs/{key}/preview with the definition; resolves to the JSON answer (valid: true | false). */
  async preview(graphKey, definition, audienceKey, signal) {
    const query = audienceKey ? `?audience=${encodeURIComponent(audienceKey)}` : '';
    return this.send(`graphs/${encodeURIComponent(graphKey)}/preview${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', RequestVerificationToken: this.token() },
      body: JSON.stringify(definition),
      signal,
    });
  }

  /** GET graphs/{key}/suggestions for {entity, column} | {event, property} | {trait}. */
  async suggestions(graphKey, source) {
    const query = new URLSearchParams(source).toString();
    return this.send(`graphs/${encodeURIComponent(graphKey)}/suggestions?${query}`, { method: 'GET' });
  }

  async send(path, init) {
    const response = await fetch(`${this.base}/${path}`, { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...init });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(body?.title ?? `The server answered ${response.status}.`);
      error.detail = body?.detail;
      error.status = response.status;
      throw error;
    }
    return body;
  }
}
