-- Silver: typed, validated, normalised (amounts in USD at fixed rates, dates as DATE) and
-- deduplicated by business key. Rows failing validation go to the DLQ topic; the DLQ predicate
-- is the exact negation of the silver one, so every record lands in exactly one of the two.

-- Seed 000's payments, typed from the raw text.
CREATE STREAM silver_payments
  WITH (KAFKA_TOPIC='${topic_prefix}silver-payments', VALUE_FORMAT='JSON') AS
  SELECT record_key,
         EXTRACTJSONFIELD(payload, '$.data.payment_id') AS payment_id,
         EXTRACTJSONFIELD(payload, '$.data.order_key') AS order_key,
         CAST(EXTRACTJSONFIELD(payload, '$.data._sequence_id') AS BIGINT) AS sequence_id,
         CAST(EXTRACTJSONFIELD(payload, '$.data.amount') AS DOUBLE) AS amount,
         EXTRACTJSONFIELD(payload, '$.data.currency') AS currency,
         CAST(EXTRACTJSONFIELD(payload, '$.data.amount') AS DOUBLE) * CASE EXTRACTJSONFIELD(payload, '$.data.currency')
           WHEN 'USD' THEN 1.0 WHEN 'BRL' THEN 0.2 WHEN 'EUR' THEN 1.08
           WHEN 'ARS' THEN 0.001 WHEN 'MXN' THEN 0.055 ELSE 1.0 END AS amount_usd,
         EXTRACTJSONFIELD(payload, '$.data.method') AS method,
         EXTRACTJSONFIELD(payload, '$.data.status') AS status,
         EXTRACTJSONFIELD(payload, '$.data.country') AS country,
         PARSE_TIMESTAMP(EXTRACTJSONFIELD(payload, '$.data.timestamp'), 'yyyy-MM-dd HH:mm:ss.SSS', 'UTC') AS event_time
  FROM raw_kafka_orders
  WHERE EXTRACTJSONFIELD(payload, '$.data.payment_id') IS NOT NULL;

CREATE STREAM silver_payment_events
  WITH (KAFKA_TOPIC='${topic_prefix}silver-payment-events', VALUE_FORMAT='JSON') AS
  SELECT record_key,
         EXTRACTJSONFIELD(payload, '$.data.event_id') AS event_id,
         EXTRACTJSONFIELD(payload, '$.data.payment_id') AS payment_id,
         EXTRACTJSONFIELD(payload, '$.data.event.event_name') AS event_name
  FROM raw_kafka_events
  WHERE EXTRACTJSONFIELD(payload, '$.data.event.event_name') IS NOT NULL;

CREATE STREAM silver_gps
  WITH (KAFKA_TOPIC='${topic_prefix}silver-gps', VALUE_FORMAT='JSON') AS
  SELECT record_key,
         EXTRACTJSONFIELD(payload, '$.data.gps_id') AS gps_id,
         EXTRACTJSONFIELD(payload, '$.data.order_id') AS order_id,
         CAST(EXTRACTJSONFIELD(payload, '$.data.speed_kph') AS DOUBLE) AS speed_kph
  FROM raw_kafka_gps
  WHERE EXTRACTJSONFIELD(payload, '$.data.order_id') IS NOT NULL;

-- Seed 001's transactions. A line is valid when it decodes, has a transaction and a customer,
-- a positive price, a quantity (negative only for a cancellation, TransactionNo `C...`) and
-- a real M/d/yyyy date.
CREATE STREAM ecommerce_checked
  WITH (KAFKA_TOPIC='${topic_prefix}ecommerce-checked', VALUE_FORMAT='JSON') AS
  SELECT record_key,
         payload,
         EXTRACTJSONFIELD(payload, '$.TransactionNo') AS transaction_no,
         EXTRACTJSONFIELD(payload, '$.ProductNo') AS product_no,
         EXTRACTJSONFIELD(payload, '$.Product') AS product,
         CAST(EXTRACTJSONFIELD(payload, '$.Price') AS DOUBLE) AS price_gbp,
         CAST(EXTRACTJSONFIELD(payload, '$.Quantity') AS INT) AS quantity,
         EXTRACTJSONFIELD(payload, '$.CustomerNo') AS customer_no,
         EXTRACTJSONFIELD(payload, '$.Country') AS country,
         EXTRACTJSONFIELD(payload, '$.Date') AS date_text,
         COALESCE(
           EXTRACTJSONFIELD(payload, '$.TransactionNo') IS NOT NULL
           AND EXTRACTJSONFIELD(payload, '$.ProductNo') IS NOT NULL
           AND EXTRACTJSONFIELD(payload, '$.CustomerNo') IS NOT NULL
           AND CAST(EXTRACTJSONFIELD(payload, '$.Price') AS DOUBLE) > 0
           AND CAST(EXTRACTJSONFIELD(payload, '$.Quantity') AS INT) IS NOT NULL
           AND (CAST(EXTRACTJSONFIELD(payload, '$.Quantity') AS INT) > 0
                OR EXTRACTJSONFIELD(payload, '$.TransactionNo') LIKE 'C%')
           AND REGEXP_EXTRACT('^(1[0-2]|[1-9])/([1-9]|[12][0-9]|3[01])/[0-9]{4}$', EXTRACTJSONFIELD(payload, '$.Date')) IS NOT NULL,
           false) AS valid
  FROM raw_ecommerce;

CREATE STREAM ecommerce_dlq
  WITH (KAFKA_TOPIC='${topic_prefix}ecommerce-dlq', VALUE_FORMAT='JSON') AS
  SELECT record_key, payload, 'failed validation' AS reason
  FROM ecommerce_checked
  WHERE NOT valid;

CREATE STREAM silver_ecommerce
  WITH (KAFKA_TOPIC='${topic_prefix}silver-ecommerce', VALUE_FORMAT='JSON') AS
  SELECT transaction_no + '/' + product_no AS line_key,
         transaction_no,
         product_no,
         product,
         price_gbp * 1.27 AS price_usd,
         quantity,
         customer_no,
         country,
         transaction_no LIKE 'C%' AS cancelled,
         PARSE_DATE(date_text, 'M/d/yyyy') AS transaction_date
  FROM ecommerce_checked
  WHERE valid
  PARTITION BY transaction_no + '/' + product_no;

-- One row per transaction line: a re-sent duplicate does not change it.
CREATE TABLE silver_ecommerce_lines
  WITH (KAFKA_TOPIC='${topic_prefix}silver-ecommerce-lines', VALUE_FORMAT='JSON') AS
  SELECT line_key,
         EARLIEST_BY_OFFSET(transaction_no) AS transaction_no,
         EARLIEST_BY_OFFSET(product_no) AS product_no,
         EARLIEST_BY_OFFSET(price_usd) AS price_usd,
         EARLIEST_BY_OFFSET(quantity) AS quantity,
         EARLIEST_BY_OFFSET(customer_no) AS customer_no,
         EARLIEST_BY_OFFSET(country) AS country,
         EARLIEST_BY_OFFSET(cancelled) AS cancelled,
         EARLIEST_BY_OFFSET(transaction_date) AS transaction_date,
         COUNT(*) AS copies
  FROM silver_ecommerce
  GROUP BY line_key;

-- The OLTP tables, latest state per primary key.
CREATE TABLE silver_customers
  WITH (KAFKA_TOPIC='${topic_prefix}silver-customers', VALUE_FORMAT='JSON') AS
  SELECT id,
         LATEST_BY_OFFSET(nome) AS nome,
         LATEST_BY_OFFSET(email) AS email,
         LATEST_BY_OFFSET(telefone) AS telefone
  FROM cdc_customers
  GROUP BY id;

CREATE TABLE silver_orders
  WITH (KAFKA_TOPIC='${topic_prefix}silver-orders', VALUE_FORMAT='JSON') AS
  SELECT order_id,
         LATEST_BY_OFFSET(customer_id) AS customer_id,
         LATEST_BY_OFFSET(amount * CASE currency WHEN 'USD' THEN 1.0 WHEN 'BRL' THEN 0.2
           WHEN 'EUR' THEN 1.08 ELSE 1.0 END) AS amount_usd,
         LATEST_BY_OFFSET(status) AS status,
         LATEST_BY_OFFSET(`__deleted`) AS deleted
  FROM cdc_orders
  GROUP BY order_id;
