-- Seed 003 (ksqlDB + Kafka Connect exercise), with the stream's columns declared so that the
-- file plans offline (the seed infers them from the schema registry).
create stream custstream (
  id INT,
  nome VARCHAR,
  sexo VARCHAR,
  endereco VARCHAR,
  telefone VARCHAR,
  email VARCHAR,
  foto VARCHAR,
  nascimento BIGINT,
  profissao VARCHAR,
  dt_update BIGINT
) WITH (kafka_topic='psg-customers', value_format='AVRO');

show topics;
show connectors;
print psg-customers;
show streams;

select * from custstream emit changes;

select nome, telefone, email,
TIMESTAMPTOSTRING(nascimento, 'yyyy-MM-dd', 'UTC') as dt_nascimento,
TIMESTAMPTOSTRING(dt_update, 'yyyy-MM-dd HH:mm:ss.SSS', 'UTC') as dt_updt_conv
from custstream emit changes;
