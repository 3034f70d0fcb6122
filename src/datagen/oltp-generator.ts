import type { GeneratorContext } from './generator-context';

/**
 * The OLTP side of the seeds: seed 003's `customers` table (nome, telefone, email, nascimento,
 * dt_update) plus orders and payments that reference customers. The generator emits SQL
 * changes (inserts, updates, deletes) and tracks the live keys so updates and deletes always
 * hit existing rows.
 */
export function oltpSchemaSql(schema = 'public'): readonly string[] {
  const t = qualifier(schema);
  return [
    `create schema if not exists "${schema}"`,
    `create table if not exists ${t('customers')} (
     id serial primary key,
     nome text not null,
     telefone text,
     email text,
     nascimento date,
     dt_update timestamp not null default now())`,
    `create table if not exists ${t('orders')} (
     order_id bigserial primary key,
     customer_id integer not null references ${t('customers')}(id) on delete cascade,
     amount numeric(12, 2) not null,
     currency text not null,
     status text not null,
     created_at timestamp not null default now(),
     updated_at timestamp not null default now())`,
    `create table if not exists ${t('payments')} (
     payment_id bigserial primary key,
     order_id bigint not null references ${t('orders')}(order_id) on delete cascade,
     amount numeric(12, 2) not null,
     method text not null,
     status text not null,
     updated_at timestamp not null default now())`,
    // Deletes then carry the whole old row, so CDC consumers can retract what they counted.
    ...['customers', 'orders', 'payments'].map((n) => `alter table ${t(n)} replica identity full`),
  ];
}

/** Schema-qualified table names, so one database can hold several isolated OLTP sets. */
export function qualifier(schema: string): (table: string) => string {
  const quoted = `"${schema.replace(/"/g, '""')}"`;
  return (table) => `${quoted}.${table}`;
}

export type OltpChange =
  | { readonly kind: 'insert-customer'; readonly sql: string; readonly params: readonly unknown[] }
  | { readonly kind: 'update-customer'; readonly sql: string; readonly params: readonly unknown[] }
  | { readonly kind: 'insert-order'; readonly sql: string; readonly params: readonly unknown[] }
  | { readonly kind: 'update-order'; readonly sql: string; readonly params: readonly unknown[] }
  | { readonly kind: 'insert-payment'; readonly sql: string; readonly params: readonly unknown[] }
  | { readonly kind: 'delete-order'; readonly sql: string; readonly params: readonly unknown[] };

const ORDER_STATUSES = ['created', 'paid', 'shipped', 'delivered', 'cancelled'] as const;
const PAYMENT_METHODS = ['Card', 'Pix', 'Boleto', 'PayPal'] as const;
const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'refunded'] as const;
const CURRENCIES = ['BRL', 'USD', 'EUR'] as const;

/** Keys the database assigned, fed back by the writer so later changes reference real rows. */
export interface LiveKeys {
  readonly customers: number[];
  readonly orders: number[];
}

export function customerInsert(ctx: GeneratorContext, t: (table: string) => string): OltpChange {
  const f = ctx.faker;
  return {
    kind: 'insert-customer',
    sql: `insert into ${t('customers')} (nome, telefone, email, nascimento, dt_update) values ($1, $2, $3, $4, now()) returning id`,
    params: [
      f.person.fullName(),
      f.phone.number(),
      f.internet.email(),
      f.date.birthdate().toISOString().slice(0, 10),
    ],
  };
}

/**
 * The next change, drawn with seed 003's generator in mind (mostly new customers) plus the
 * order and payment traffic the CDC pipeline needs.
 */
export function nextOltpChange(
  ctx: GeneratorContext,
  live: LiveKeys,
  t: (table: string) => string = qualifier('public'),
): OltpChange {
  const f = ctx.faker;
  const roll = f.number.float({ min: 0, max: 1 });
  const customer = live.customers.length > 0 ? f.helpers.arrayElement(live.customers) : undefined;
  const order = live.orders.length > 0 ? f.helpers.arrayElement(live.orders) : undefined;
  if (customer === undefined || roll < 0.25) return customerInsert(ctx, t);
  if (roll < 0.35) {
    return {
      kind: 'update-customer',
      sql: `update ${t('customers')} set email = $1, telefone = $2, dt_update = now() where id = $3`,
      params: [f.internet.email(), f.phone.number(), customer],
    };
  }
  if (order === undefined || roll < 0.6) {
    return {
      kind: 'insert-order',
      sql: `insert into ${t('orders')} (customer_id, amount, currency, status) values ($1, $2, $3, $4) returning order_id`,
      params: [
        customer,
        f.finance.amount({ min: 5, max: 900, dec: 2 }),
        f.helpers.arrayElement(CURRENCIES),
        'created',
      ],
    };
  }
  if (roll < 0.75) {
    return {
      kind: 'update-order',
      sql: `update ${t('orders')} set status = $1, updated_at = now() where order_id = $2`,
      params: [f.helpers.arrayElement(ORDER_STATUSES), order],
    };
  }
  if (roll < 0.97) {
    return {
      kind: 'insert-payment',
      sql: `insert into ${t('payments')} (order_id, amount, method, status) select order_id, amount, $1, $2 from ${t('orders')} where order_id = $3`,
      params: [
        f.helpers.arrayElement(PAYMENT_METHODS),
        f.helpers.arrayElement(PAYMENT_STATUSES),
        order,
      ],
    };
  }
  return {
    kind: 'delete-order',
    sql: `delete from ${t('orders')} where order_id = $1`,
    params: [order],
  };
}
