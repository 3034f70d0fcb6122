CREATE STREAM orders (order_id BIGINT KEY, customer_id INT, amount DECIMAL(10,2), currency STRING, status STRING, ts BIGINT, items ARRAY<STRUCT<sku STRING, qty INT, price DECIMAL(10,2)>>) WITH (kafka_topic='orders', value_format='JSON', timestamp='ts', partitions=4);
SELECT order_id, amount FROM orders WHERE amount > 100 EMIT CHANGES LIMIT 10;
