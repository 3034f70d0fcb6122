CREATE STREAM orders (order_id BIGINT KEY, customer_id INT, amount DECIMAL(10,2), currency STRING, status STRING, ts BIGINT, items ARRAY<STRUCT<sku STRING, qty INT, price DECIMAL(10,2)>>) WITH (kafka_topic='orders', value_format='JSON', timestamp='ts', partitions=4);
CREATE TABLE bad AS SELECT customer_id, currency, COUNT(*) AS n FROM orders GROUP BY customer_id;
