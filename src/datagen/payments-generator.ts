import { formatSeedTimestamp, type GeneratorContext } from './generator-context';
import type { TopicRecord } from './topic-record';

/**
 * Seed 000's three topics: `kafka-orders`, `kafka-events` and `kafka-gps`, each value a
 * `{"data": {...}}` document carrying a `_sequence_id` that orders all three, related by
 * `payment_id` (orders -> events) and `order_key` (orders -> gps `order_id`).
 */
export const PAYMENT_TOPICS = ['kafka-orders', 'kafka-events', 'kafka-gps'] as const;

const METHODS = ['Card', 'Pix', 'Boleto', 'PayPal'] as const;
const BRANDS = ['Visa', 'Mastercard', 'Elo', 'Amex'] as const;
const COUNTRIES = ['BR', 'US', 'PT', 'AR', 'MX', 'DE'] as const;
const CURRENCY_OF: Record<string, string> = {
  BR: 'BRL',
  US: 'USD',
  PT: 'EUR',
  AR: 'ARS',
  MX: 'MXN',
  DE: 'EUR',
};
/** The payment funnel; each order walks a prefix of it and may end failed or refunded. */
const FUNNEL = ['created', 'authorized', 'captured', 'settled'] as const;

export interface SequenceCounter {
  next(): number;
}

export function sequenceCounter(start = 1): SequenceCounter {
  let n = start;
  return { next: () => n++ };
}

/** One order with its funnel events and a few GPS pings: a batch of related records. */
export function paymentBatch(ctx: GeneratorContext, seq: SequenceCounter): TopicRecord[] {
  const f = ctx.faker;
  const now = ctx.now();
  const ts = formatSeedTimestamp(now);
  const paymentId = f.string.uuid();
  const orderKey = f.string.uuid();
  const country = f.helpers.arrayElement(COUNTRIES);
  const amount = Number(f.finance.amount({ min: 5, max: 2000, dec: 2 }));
  const method = f.helpers.arrayElement(METHODS);
  const steps = f.number.int({ min: 1, max: FUNNEL.length });
  const failed = f.number.float({ min: 0, max: 1 }) < 0.1;
  const status = failed ? 'failed' : steps === FUNNEL.length ? 'succeeded' : 'pending';
  const records: TopicRecord[] = [];
  const push = (topic: string, data: Record<string, unknown>): void => {
    const sequence = seq.next();
    records.push({
      topic,
      key: String(sequence),
      value: JSON.stringify({ data: { _sequence_id: sequence, ...data } }),
      timestamp: now,
    });
  };
  push('kafka-orders', {
    payment_id: paymentId,
    order_key: orderKey,
    amount,
    currency: CURRENCY_OF[country],
    method,
    status,
    card_brand: method === 'Card' ? f.helpers.arrayElement(BRANDS) : null,
    card_last4: method === 'Card' ? f.string.numeric(4) : null,
    net_amount: Math.round(amount * 0.9 * 100) / 100,
    country,
    ip_address: f.internet.ipv4(),
    timestamp: ts,
    dt_current_timestamp: ts,
  });
  const names = [...FUNNEL.slice(0, steps), ...(failed ? ['failed'] : [])];
  for (const name of names) {
    push('kafka-events', {
      event_id: f.string.uuid(),
      payment_id: paymentId,
      event: { event_name: name, timestamp: ts },
      dt_current_timestamp: ts,
    });
  }
  let lat = f.location.latitude({ min: -33.9, max: -3.0 });
  let lon = f.location.longitude({ min: -60, max: -35 });
  for (let i = 0; i < f.number.int({ min: 1, max: 3 }); i++) {
    lat += f.number.float({ min: -0.01, max: 0.01 });
    lon += f.number.float({ min: -0.01, max: 0.01 });
    push('kafka-gps', {
      gps_id: f.string.uuid(),
      order_id: orderKey,
      lat: Math.round(lat * 1e4) / 1e4,
      lon: Math.round(lon * 1e4) / 1e4,
      speed_kph: f.number.int({ min: 0, max: 90 }),
      accuracy_m: f.number.float({ min: 3, max: 30, fractionDigits: 1 }),
      timestamp: ts,
      dt_current_timestamp: ts,
    });
  }
  return records;
}
