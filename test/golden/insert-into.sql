CREATE STREAM orders (order_id BIGINT KEY, customer_id INT, amount DECIMAL(10,2), currency STRING, status STRING, ts BIGINT, items ARRAY<STRUCT<sku STRING, qty INT, price DECIMAL(10,2)>>) WITH (kafka_topic='orders', value_format='JSON', timestamp='ts', partitions=4);
CREATE STREAM all_orders AS SELECT order_id, amount FROM orders;
CREATE STREAM legacy_orders (order_id BIGINT KEY, amount DECIMAL(10,2)) WITH (kafka_topic='legacy', value_format='JSON', partitions=4);
INSERT INTO all_orders SELECT order_id, amount FROM legacy_orders;
