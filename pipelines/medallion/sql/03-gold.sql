-- Gold: the business views, written to Postgres by the JDBC sink (upserts). Values are AVRO so
-- the sink gets typed columns from the schema registry; keys are a single KAFKA-format column
-- (the sink's primary key), except the windowed revenue, whose key carries the window: its
-- sink takes the primary key from the value instead (COUNTRY, METHOD, WINDOW_START).

-- Revenue per country and payment method per minute (event time of the payment).
CREATE TABLE gold_revenue
  WITH (KAFKA_TOPIC='${topic_prefix}gold-revenue', KEY_FORMAT='JSON', VALUE_FORMAT='AVRO') AS
  SELECT country,
         method,
         AS_VALUE(country) AS revenue_country,
         AS_VALUE(method) AS revenue_method,
         WINDOWSTART AS window_start,
         COUNT(*) AS payments,
         SUM(amount_usd) AS revenue_usd
  FROM silver_payments
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY country, method;

-- The payment status funnel: how many payments reached each step.
CREATE TABLE gold_payment_funnel
  WITH (KAFKA_TOPIC='${topic_prefix}gold-payment-funnel', VALUE_FORMAT='AVRO') AS
  SELECT event_name,
         COUNT(*) AS events
  FROM silver_payment_events
  GROUP BY event_name;

-- Delivery speed per order from the GPS pings.
CREATE TABLE gold_gps_speed
  WITH (KAFKA_TOPIC='${topic_prefix}gold-gps-speed', VALUE_FORMAT='AVRO') AS
  SELECT order_id,
         COUNT(*) AS pings,
         AVG(speed_kph) AS avg_speed_kph,
         MAX(speed_kph) AS max_speed_kph
  FROM silver_gps
  GROUP BY order_id;

-- Customer 360: the CDC customer with its live (not deleted) orders.
CREATE TABLE customer_order_totals
  WITH (KAFKA_TOPIC='${topic_prefix}customer-order-totals', VALUE_FORMAT='JSON') AS
  SELECT customer_id,
         COUNT(*) AS orders,
         SUM(amount_usd) AS spent_usd
  FROM silver_orders
  WHERE deleted = 'false'
  GROUP BY customer_id;

CREATE TABLE gold_customer_360
  WITH (KAFKA_TOPIC='${topic_prefix}gold-customer-360', VALUE_FORMAT='AVRO') AS
  SELECT c.id AS customer_id,
         c.nome AS nome,
         c.email AS email,
         COALESCE(t.orders, CAST(0 AS BIGINT)) AS orders,
         COALESCE(t.spent_usd, 0.0) AS spent_usd
  FROM silver_customers c
  LEFT JOIN customer_order_totals t ON c.id = t.customer_id;
