import { ApiError, getClient, loginOutcomeParam, NetworkError } from '@kommunkit/sdk';

/**
 * The demo start page's "Mina sidor" box: shows who is logged in through the gateway's
 * `auth/me`, with login and logout. The page is served by the gateway, so the API is its origin.
 */
const client = getClient({ api: window.location.origin, kommun: 'exempelstad' });
const panel = document.querySelector<HTMLElement>('[data-login]');

function show(state: 'loading' | 'anonymous' | 'user' | 'error', message = ''): void {
  if (!panel) return;
  for (const part of panel.querySelectorAll<HTMLElement>('[data-state]')) part.hidden = part.dataset.state !== state;
  const name = panel.querySelector('[data-user-name]');
  if (name) name.textContent = client.auth.user?.name ?? '';
  const error = panel.querySelector('[data-state="error"]');
  if (error) error.textContent = message;
}

function explain(error: unknown): string {
  if (error instanceof ApiError) return error.title;
  if (error instanceof NetworkError) return 'Det gick inte att nå kommunens e-tjänster. Kontrollera din uppkoppling och försök igen.';
  return 'Något gick fel. Försök igen.';
}

client.auth.addEventListener('change', () => show(client.auth.user ? 'user' : 'anonymous'));

panel?.querySelector('[data-action="login"]')?.addEventListener('click', () => client.auth.login());
panel?.querySelector('[data-action="logout"]')?.addEventListener('click', () => {
  client.auth.logout().catch((error: unknown) => show('error', explain(error)));
});

/** Why a login came back without a session, in words; the gateway says it with `kk-login`. */
const outcome = new URL(window.location.href).searchParams.get(loginOutcomeParam);
const outcomeMessage =
  outcome === 'cancelled' ? 'Inloggningen avbröts. Du är inte inloggad.' : outcome === 'failed' ? 'Inloggningen kunde inte slutföras. Försök igen.' : '';

client.auth
  .refresh()
  .then(() => {
    show(client.auth.user ? 'user' : 'anonymous');
    const notice = panel?.querySelector<HTMLElement>('[data-login-outcome]');
    if (notice && outcomeMessage && !client.auth.user) {
      notice.textContent = outcomeMessage;
      notice.hidden = false;
    }
  })
  .catch((error: unknown) => show('error', explain(error)));
