CREATE TABLE customers (customer_id INT PRIMARY KEY, name STRING, country STRING, tier STRING) WITH (kafka_topic='customers', format='JSON', partitions=4);
CREATE TABLE customers_per_country AS SELECT country, COUNT(*) AS n FROM customers GROUP BY country;
