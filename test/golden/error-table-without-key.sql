CREATE TABLE bad (name STRING) WITH (kafka_topic='bad', value_format='JSON');
