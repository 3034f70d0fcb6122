CREATE TABLE customers (customer_id INT PRIMARY KEY, name STRING, country STRING, tier STRING) WITH (kafka_topic='customers', format='JSON', partitions=4);
CREATE TABLE accounts (id INT PRIMARY KEY, owner STRING, balance DOUBLE) WITH (kafka_topic='accounts', format='JSON', partitions=4);
CREATE TABLE customer_accounts AS SELECT c.customer_id, c.name, a.balance FROM customers c JOIN accounts a ON c.customer_id = a.id;
