/** Postgres log sequence numbers: `XXXXXXXX/XXXXXXXX` text <-> a 64-bit bigint. */
export type Lsn = bigint;

export function parseLsn(text: string): Lsn {
  const [hi, lo] = text.split('/');
  if (hi === undefined || lo === undefined) throw new Error(`not an LSN: ${text}`);
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}
