CREATE STREAM gps (device_id STRING KEY, lat DOUBLE, lon DOUBLE, speed DOUBLE, event_ts TIMESTAMP) WITH (kafka_topic='kafka-gps', value_format='AVRO', timestamp='event_ts');
CREATE TABLE avg_speed AS SELECT device_id, AVG(speed) AS avg_speed, MAX(speed) AS max_speed FROM gps WINDOW HOPPING (SIZE 5 MINUTES, ADVANCE BY 1 MINUTE) GROUP BY device_id;
