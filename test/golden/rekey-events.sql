CREATE STREAM events (event_id STRING, user_id STRING, kind STRING, payload STRING, _sequence_id BIGINT) WITH (kafka_topic='kafka-events', value_format='JSON');
CREATE STREAM events_by_user AS SELECT user_id, event_id, kind FROM events PARTITION BY user_id;
