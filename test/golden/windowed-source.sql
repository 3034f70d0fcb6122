CREATE TABLE windowed_counts (k STRING PRIMARY KEY, n BIGINT) WITH (kafka_topic='counts', value_format='JSON', window_type='TUMBLING', window_size='1 MINUTE');
CREATE TABLE big_windows AS SELECT k, n FROM windowed_counts WHERE n > 10;
