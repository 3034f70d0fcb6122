CREATE STREAM orders (order_id BIGINT KEY, customer_id INT, amount DECIMAL(10,2), currency STRING, status STRING, ts BIGINT, items ARRAY<STRUCT<sku STRING, qty INT, price DECIMAL(10,2)>>) WITH (kafka_topic='orders', value_format='JSON', timestamp='ts', partitions=4);
CREATE TABLE customers (customer_id INT PRIMARY KEY, name STRING, country STRING, tier STRING) WITH (kafka_topic='customers', format='JSON', partitions=4);
CREATE STREAM payments (payment_id STRING KEY, order_id BIGINT, amount DECIMAL(10,2), method STRING) WITH (kafka_topic='payments', format='JSON', partitions=4);
CREATE STREAM order_360 AS SELECT o.customer_id, o.order_id, c.name, p.method FROM orders o JOIN payments p WITHIN 1 HOUR ON o.order_id = p.order_id LEFT JOIN customers c ON o.customer_id = c.customer_id;
