CREATE STREAM orders (order_id BIGINT KEY, customer_id INT, amount DECIMAL(10,2), currency STRING, status STRING, ts BIGINT, items ARRAY<STRUCT<sku STRING, qty INT, price DECIMAL(10,2)>>) WITH (kafka_topic='orders', value_format='JSON', timestamp='ts', partitions=4);
INSERT INTO orders (order_id, customer_id, amount, currency, status, ts) VALUES (1, 7, 12.50, 'EUR', 'NEW', 1700000000000);
