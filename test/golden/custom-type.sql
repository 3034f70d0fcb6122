CREATE TYPE address AS STRUCT<street STRING, city STRING>;
CREATE STREAM people (id INT KEY, home address) WITH (kafka_topic='people', value_format='JSON');
CREATE STREAM cities AS SELECT id, home->city AS city FROM people;
