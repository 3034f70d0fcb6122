/** Ends exhaustive switches over closed unions: a new kind does not compile until handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
