CREATE STREAM orders (order_id BIGINT KEY, customer_id INT, amount DECIMAL(10,2), currency STRING, status STRING, ts BIGINT, items ARRAY<STRUCT<sku STRING, qty INT, price DECIMAL(10,2)>>) WITH (kafka_topic='orders', value_format='JSON', timestamp='ts', partitions=4);
CREATE STREAM taxed AS SELECT order_id, amount * 1.2 AS gross, amount / 3 AS third, amount + 0.05 AS plus FROM orders;
