CREATE STREAM bad (s STRUCT<a INT>) WITH (kafka_topic='bad', value_format='KAFKA');
