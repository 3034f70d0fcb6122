-- Names the pipeline's statements substitute (ksqlDB variables). `brook demo` sends its own
-- values with each request; running the files by hand, run this one first in the same session.
DEFINE topic_prefix = '';
DEFINE cdc_topic_prefix = 'oltp.public';
DEFINE jdbc_topic_prefix = 'psg-';
