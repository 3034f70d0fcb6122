CREATE TABLE customers (customer_id INT PRIMARY KEY, name STRING, country STRING, tier STRING) WITH (kafka_topic='customers', format='JSON', partitions=4);
SELECT * FROM customers WHERE customer_id = 42;
