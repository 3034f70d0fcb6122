import { BadConfigError } from '../errors';

export interface PgConnectionParams {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user?: string;
  readonly password?: string;
}

/**
 * `jdbc:postgresql://host[:port]/db[?user=..&password=..]` (or a `postgres://` URL) -> pg
 * connection parameters; `connection.user`/`connection.password` win over URL parameters.
 */
export function parseJdbcUrl(
  url: string,
  user?: string | null,
  password?: string | null,
): PgConnectionParams {
  const trimmed = url.trim();
  const normal = trimmed.startsWith('jdbc:postgresql:')
    ? `postgres:${trimmed.slice('jdbc:postgresql:'.length)}`
    : trimmed;
  if (!/^postgres(ql)?:\/\//.test(normal)) {
    throw new BadConfigError(
      `Invalid value ${url} for configuration connection.url: only jdbc:postgresql:// URLs are supported`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(normal.replace(/^postgresql:/, 'postgres:'));
  } catch {
    throw new BadConfigError(
      `Invalid value ${url} for configuration connection.url: not a valid URL`,
    );
  }
  const urlUser =
    parsed.searchParams.get('user') ??
    (parsed.username === '' ? undefined : decodeURIComponent(parsed.username));
  const urlPassword =
    parsed.searchParams.get('password') ??
    (parsed.password === '' ? undefined : decodeURIComponent(parsed.password));
  // libpq falls back to the OS user; without one in the environment, the conventional superuser.
  const finalUser = user ?? urlUser ?? process.env['PGUSER'] ?? process.env['USER'] ?? 'postgres';
  const finalPassword = password ?? urlPassword;
  return {
    host: parsed.hostname === '' ? '127.0.0.1' : parsed.hostname,
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
    ...(finalUser === undefined || finalUser === null ? {} : { user: finalUser }),
    ...(finalPassword === undefined || finalPassword === null ? {} : { password: finalPassword }),
  };
}
