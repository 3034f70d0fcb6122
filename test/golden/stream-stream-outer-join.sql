CREATE STREAM orders (order_id BIGINT KEY, customer_id INT, amount DECIMAL(10,2), currency STRING, status STRING, ts BIGINT, items ARRAY<STRUCT<sku STRING, qty INT, price DECIMAL(10,2)>>) WITH (kafka_topic='orders', value_format='JSON', timestamp='ts', partitions=4);
CREATE STREAM payments (payment_id STRING KEY, order_id BIGINT, amount DECIMAL(10,2), method STRING) WITH (kafka_topic='payments', format='JSON', partitions=4);
CREATE STREAM all_matches AS SELECT ROWKEY, o.amount, p.amount FROM orders o FULL OUTER JOIN payments p WITHIN 10 MINUTES ON o.order_id = p.order_id;
