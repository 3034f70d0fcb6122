import { timingSafeEqual } from 'node:crypto';

/** ksqlDB's `authentication.method=BASIC`: users and passwords, and paths left open. */
export interface BasicAuthOptions {
  readonly users: Readonly<Record<string, string>>;
  /** ksqlDB's `authentication.skip.paths`, e.g. `/healthcheck` for a load balancer. */
  readonly skipPaths?: readonly string[];
  readonly realm?: string;
}

/** Whether an `Authorization` header names a known user with the right password. */
export function isAuthorized(options: BasicAuthOptions, header: string | undefined): boolean {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const expected = options.users[decoded.slice(0, colon)];
  if (expected === undefined) return false;
  const given = Buffer.from(decoded.slice(colon + 1));
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
