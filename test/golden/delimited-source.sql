CREATE STREAM csv_in (id STRING KEY, a INT, b DOUBLE) WITH (kafka_topic='csv', value_format='DELIMITED', value_delimiter='|');
CREATE STREAM csv_out AS SELECT id, a + b AS total FROM csv_in;
