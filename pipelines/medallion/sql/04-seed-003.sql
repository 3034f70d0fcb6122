-- Seed 003's ksqlDB session, verbatim: the JDBC source's customers topic, with the columns
-- inferred from the schema registry. It needs the connector to have registered the schema
-- first (so `brook explain` cannot check it offline), and `brook demo` runs it last.
CREATE STREAM custstream WITH (KAFKA_TOPIC='${jdbc_topic_prefix}customers', VALUE_FORMAT='AVRO');
