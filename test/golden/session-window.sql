CREATE STREAM events (event_id STRING, user_id STRING, kind STRING, payload STRING, _sequence_id BIGINT) WITH (kafka_topic='kafka-events', value_format='JSON');
CREATE TABLE sessions AS SELECT user_id, COUNT(*) AS events, LATEST_BY_OFFSET(kind) AS last_kind FROM events WINDOW SESSION (30 MINUTES) GROUP BY user_id;
