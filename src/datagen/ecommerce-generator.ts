import type { GeneratorContext } from './generator-context';
import type { TopicRecord } from './topic-record';

/**
 * Seed 001's e-commerce transactions: TransactionNo (a `C` prefix marks a cancellation, whose
 * Quantity is negative), Date as `M/d/yyyy`, ProductNo, Product, Price in pounds, Quantity,
 * CustomerNo, Country. A configurable share is dirty (missing or malformed fields, or not JSON
 * at all) or an exact duplicate, as the seed's cleaning and DLQ steps expect.
 */
export const ECOMMERCE_TOPIC = 'ecommerce-transactions';

export interface EcommerceOptions {
  /** Share of records with bad values, 0..1. */
  readonly dirtyRate: number;
  /** Share of records re-sent verbatim, 0..1. */
  readonly duplicateRate: number;
}

const COUNTRIES = [
  'United Kingdom',
  'France',
  'Germany',
  'EIRE',
  'Spain',
  'Netherlands',
  'Brazil',
] as const;

export function ecommerceRecords(ctx: GeneratorContext, options: EcommerceOptions): TopicRecord[] {
  const f = ctx.faker;
  const now = ctx.now();
  const number = String(f.number.int({ min: 536365, max: 581587 }));
  const cancelled = f.number.float({ min: 0, max: 1 }) < 0.05;
  const date = new Date(now);
  const transaction: Record<string, unknown> = {
    TransactionNo: cancelled ? `C${number}` : number,
    Date: `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`,
    ProductNo: f.string.numeric({
      length: f.helpers.arrayElement([5, 6]),
      allowLeadingZeros: false,
    }),
    Product: f.commerce.productName(),
    Price: Number(f.finance.amount({ min: 0.5, max: 120, dec: 2 })),
    Quantity: (cancelled ? -1 : 1) * f.number.int({ min: 1, max: 24 }),
    CustomerNo: f.string.numeric({ length: 5, allowLeadingZeros: false }),
    Country: f.helpers.arrayElement(COUNTRIES),
  };
  const roll = f.number.float({ min: 0, max: 1 });
  if (roll < options.dirtyRate) return [dirty(ctx, transaction, now)];
  const record: TopicRecord = {
    topic: ECOMMERCE_TOPIC,
    key: String(transaction.TransactionNo),
    value: JSON.stringify(transaction),
    timestamp: now,
  };
  if (roll < options.dirtyRate + options.duplicateRate)
    return [record, { ...record, injected: 'duplicate' }];
  return [record];
}

function dirty(
  ctx: GeneratorContext,
  transaction: Record<string, unknown>,
  now: number,
): TopicRecord {
  const f = ctx.faker;
  const key = String(transaction.TransactionNo);
  switch (f.number.int({ min: 0, max: 3 })) {
    case 0:
      return {
        topic: ECOMMERCE_TOPIC,
        key,
        value: `{"TransactionNo": "${key}", "Price": `,
        timestamp: now,
        injected: 'undecodable',
      };
    case 1:
      return {
        topic: ECOMMERCE_TOPIC,
        key,
        value: JSON.stringify({ ...transaction, CustomerNo: null }),
        timestamp: now,
        injected: 'dirty',
      };
    case 2:
      return {
        topic: ECOMMERCE_TOPIC,
        key,
        value: JSON.stringify({ ...transaction, Price: -Math.abs(Number(transaction.Price)) }),
        timestamp: now,
        injected: 'dirty',
      };
    default:
      return {
        topic: ECOMMERCE_TOPIC,
        key,
        value: JSON.stringify({ ...transaction, Date: '13/45/2019' }),
        timestamp: now,
        injected: 'dirty',
      };
  }
}
