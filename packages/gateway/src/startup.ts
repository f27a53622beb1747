/**
 * A start-up failure the operator can act on. Its message is the one line the gateway prints
 * before it exits: what failed, where, and what to do, never a stack or a password.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** `EADDRINUSE` and friends from `listen`, in the operator's words. */
export function listenFailure(error: unknown, host: string, port: number): StartupError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `${host}:${String(port)}`;
  if (code === 'EADDRINUSE') return new StartupError(`cannot listen on ${where} (EADDRINUSE): another process uses the port; stop it or set PORT`);
  if (code === 'EACCES') return new StartupError(`cannot listen on ${where} (EACCES): the port needs privileges; set PORT to 1024 or above`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new StartupError(`cannot listen on ${where} (${code}): no such local address; fix HOST`);
  return undefined;
}
