import { Faker, en, pt_BR } from '@faker-js/faker';

/**
 * What every generator draws from: a seeded Faker (so `--seed` reproduces the same data) and a
 * clock (so tests can pin event times). Generators are pure apart from these two.
 */
export interface GeneratorContext {
  readonly faker: Faker;
  readonly now: () => number;
}

export function generatorContext(seed: number, now: () => number = Date.now): GeneratorContext {
  const faker = new Faker({ locale: [pt_BR, en] });
  faker.seed(seed);
  return { faker, now };
}

/** `2025-01-15 10:30:45.123`, the timestamp text of seed 000's topics (UTC). */
export function formatSeedTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('T', ' ').replace('Z', '');
}
