CREATE STREAM orders (order_id BIGINT KEY, customer_id INT, amount DECIMAL(10,2), currency STRING, status STRING, ts BIGINT, items ARRAY<STRUCT<sku STRING, qty INT, price DECIMAL(10,2)>>) WITH (kafka_topic='orders', value_format='JSON', timestamp='ts', partitions=4);
CREATE TABLE customers (customer_id INT PRIMARY KEY, name STRING, country STRING, tier STRING) WITH (kafka_topic='customers', format='JSON', partitions=4);
CREATE STREAM joined_all AS SELECT * FROM orders o JOIN customers c ON o.customer_id = c.customer_id;
