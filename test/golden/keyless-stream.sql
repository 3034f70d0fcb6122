CREATE STREAM events (event_id STRING, user_id STRING, kind STRING, payload STRING, _sequence_id BIGINT) WITH (kafka_topic='kafka-events', value_format='JSON');
CREATE STREAM clicks AS SELECT event_id, user_id FROM events WHERE kind = 'click';
