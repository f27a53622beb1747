import { clientHeader } from '@kommunkit/contract';

/** A minimal cookie jar, so tests act like one browser across redirects. */
export class Browser {
  private readonly cookies = new Map<string, { value: string; path: string }>();
  /** Every URL this browser requested, in order. */
  readonly visited: string[] = [];

  constructor(readonly base: string) {}

  cookieFor(path: string): string {
    return [...this.cookies.entries()]
      .filter(([, cookie]) => path.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  setCookie(name: string, value: string, path = '/'): void {
    this.cookies.set(name, { value, path });
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, this.base);
    const headers = new Headers(init.headers);
    const cookie = target.origin === new URL(this.base).origin ? this.cookieFor(target.pathname) : '';
    if (cookie) headers.set('cookie', cookie);
    this.visited.push(target.href);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const [name = '', value = ''] = pair.split('=');
      const path = attributes.find((attribute) => attribute.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attributes.some((attribute) => /^max-age=0$/i.test(attribute) || /expires=thu, 01 jan 1970/i.test(attribute));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
    return response;
  }

  /** Follows redirects the way a browser does, at most `limit` hops; returns the last response. */
  async follow(url: string, init: RequestInit = {}, limit = 10): Promise<{ response: Response; url: string }> {
    let current = new URL(url, this.base).href;
    let response = await this.fetch(current, init);
    for (let hop = 0; hop < limit && response.status >= 300 && response.status < 400; hop += 1) {
      current = new URL(response.headers.get('location') ?? '', current).href;
      if (new URL(current).origin !== new URL(this.base).origin) break;
      response = await this.fetch(current);
    }
    return { response, url: current };
  }
}

/** Headers the SDK sends on a state-changing request from a kommun page. */
export const writeHeaders = (origin: string): Record<string, string> => ({
  origin,
  [clientHeader]: 'sdk/test',
  'content-type': 'application/json',
});
