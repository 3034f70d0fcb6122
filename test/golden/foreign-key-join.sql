CREATE TABLE accounts (id INT PRIMARY KEY, owner STRING, balance DOUBLE, customer_id INT) WITH (kafka_topic='accounts', format='JSON', partitions=4);
CREATE TABLE customers (customer_id INT PRIMARY KEY, name STRING, country STRING, tier STRING) WITH (kafka_topic='customers', format='JSON', partitions=4);
CREATE TABLE account_owners AS SELECT a.id, a.balance, c.name FROM accounts a JOIN customers c ON a.customer_id = c.customer_id;
