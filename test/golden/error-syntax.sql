CREATE STREAM bad (id INT KEY WITH (kafka_topic='bad', value_format='JSON');
