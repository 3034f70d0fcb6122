-- Bronze: every record exactly as it arrived, multiplexed into one stream with where it came
-- from (seed 000's bronze.kafka_multiplex). Values stay raw text: nothing can fail to decode.

CREATE STREAM raw_kafka_orders (record_key STRING KEY, payload STRING)
  WITH (KAFKA_TOPIC='${topic_prefix}kafka-orders', KEY_FORMAT='KAFKA', VALUE_FORMAT='KAFKA');
CREATE STREAM raw_kafka_events (record_key STRING KEY, payload STRING)
  WITH (KAFKA_TOPIC='${topic_prefix}kafka-events', KEY_FORMAT='KAFKA', VALUE_FORMAT='KAFKA');
CREATE STREAM raw_kafka_gps (record_key STRING KEY, payload STRING)
  WITH (KAFKA_TOPIC='${topic_prefix}kafka-gps', KEY_FORMAT='KAFKA', VALUE_FORMAT='KAFKA');
CREATE STREAM raw_ecommerce (record_key STRING KEY, payload STRING)
  WITH (KAFKA_TOPIC='${topic_prefix}ecommerce-transactions', KEY_FORMAT='KAFKA', VALUE_FORMAT='KAFKA');

CREATE STREAM kafka_multiplex
  WITH (KAFKA_TOPIC='${topic_prefix}bronze-kafka-multiplex', VALUE_FORMAT='JSON') AS
  SELECT record_key,
         payload AS `value`,
         'kafka-orders' AS `topic`,
         ROWPARTITION AS `partition`,
         ROWOFFSET AS `offset`,
         FROM_UNIXTIME(ROWTIME) AS `timestamp`,
         FROM_UNIXTIME(UNIX_TIMESTAMP()) AS ingestion_timestamp
  FROM raw_kafka_orders;

INSERT INTO kafka_multiplex
  SELECT record_key, payload AS `value`, 'kafka-events' AS `topic`, ROWPARTITION AS `partition`,
         ROWOFFSET AS `offset`, FROM_UNIXTIME(ROWTIME) AS `timestamp`,
         FROM_UNIXTIME(UNIX_TIMESTAMP()) AS ingestion_timestamp
  FROM raw_kafka_events;

INSERT INTO kafka_multiplex
  SELECT record_key, payload AS `value`, 'kafka-gps' AS `topic`, ROWPARTITION AS `partition`,
         ROWOFFSET AS `offset`, FROM_UNIXTIME(ROWTIME) AS `timestamp`,
         FROM_UNIXTIME(UNIX_TIMESTAMP()) AS ingestion_timestamp
  FROM raw_kafka_gps;

INSERT INTO kafka_multiplex
  SELECT record_key, payload AS `value`, 'ecommerce-transactions' AS `topic`,
         ROWPARTITION AS `partition`, ROWOFFSET AS `offset`, FROM_UNIXTIME(ROWTIME) AS `timestamp`,
         FROM_UNIXTIME(UNIX_TIMESTAMP()) AS ingestion_timestamp
  FROM raw_ecommerce;

-- The OLTP tables as the CDC source writes them (Debezium envelope unwrapped, JSON values;
-- deletes arrive as the old row with __deleted = 'true').
CREATE STREAM cdc_customers (
    id INT, nome STRING, telefone STRING, email STRING, nascimento INT, dt_update BIGINT,
    `__deleted` STRING)
  WITH (KAFKA_TOPIC='${cdc_topic_prefix}.customers', VALUE_FORMAT='JSON');
CREATE STREAM cdc_orders (
    order_id BIGINT, customer_id INT, amount DOUBLE, currency STRING, status STRING,
    created_at BIGINT, updated_at BIGINT, `__deleted` STRING)
  WITH (KAFKA_TOPIC='${cdc_topic_prefix}.orders', VALUE_FORMAT='JSON');
CREATE STREAM cdc_payments (
    payment_id BIGINT, order_id BIGINT, amount DOUBLE, method STRING, status STRING,
    updated_at BIGINT, `__deleted` STRING)
  WITH (KAFKA_TOPIC='${cdc_topic_prefix}.payments', VALUE_FORMAT='JSON');
