import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileScript } from '../../../sql';
import { loadMedallionPipeline, MEDALLION_DIR } from '../../../src/demo';

const ns = {
  topicPrefix: 'run1-',
  oltpSchema: 'run1_oltp',
  goldSchema: 'run1_gold',
  connectorPrefix: 'run1-',
  postgresUrl: 'postgres://app:secret@db.example:5433/shop',
  schemaRegistryUrl: 'http://registry.example:8081',
};

describe('the medallion pipeline files', () => {
  it('compile offline with the default variables, as `brook explain` checks them', () => {
    const sql = ['00-variables.sql', '01-bronze.sql', '02-silver.sql', '03-gold.sql']
      .map((f) => readFileSync(join(MEDALLION_DIR, 'sql', f), 'utf8'))
      .join('\n');
    const compiled = compileScript(sql);
    const queries = compiled.filter((c) => c.compiled.kind === 'PersistentQuery');
    expect(queries).toHaveLength(18);
  });

  it('point every connector at the namespace database, schemas, topics and slot', () => {
    const pipeline = loadMedallionPipeline(ns);
    const byName = new Map(pipeline.connectors.map((c) => [c.name, c.config]));
    expect(byName.get('run1-postg-connector')).toMatchObject({
      'connection.url': 'jdbc:postgresql://db.example:5433/shop',
      'connection.user': 'app',
      'connection.password': 'secret',
      'table.whitelist': 'run1_oltp.customers',
      'topic.prefix': 'run1-psg-',
      mode: 'timestamp',
    });
    expect(byName.get('run1-oltp-cdc')).toMatchObject({
      'database.hostname': 'db.example',
      'database.port': '5433',
      'database.dbname': 'shop',
      'topic.prefix': 'run1-oltp',
      'table.include.list': 'run1_oltp.customers,run1_oltp.orders,run1_oltp.payments',
      'slot.name': 'run1_brook_medallion',
      'plugin.name': 'pgoutput',
    });
    expect(byName.get('run1-gold-customer-360-sink')).toMatchObject({
      topics: 'run1-gold-customer-360',
      'table.name.format': 'run1_gold.customer_360',
      'insert.mode': 'upsert',
      'pk.mode': 'record_key',
      'auto.create': 'true',
      'value.converter.schema.registry.url': 'http://registry.example:8081',
    });
    expect(pipeline.variables).toEqual({
      topic_prefix: 'run1-',
      cdc_topic_prefix: 'run1-oltp.run1_oltp',
      jdbc_topic_prefix: 'run1-psg-',
    });
    expect(pipeline.sqlFiles.map((f) => f.name)).toEqual([
      '01-bronze.sql',
      '02-silver.sql',
      '03-gold.sql',
      '04-seed-003.sql',
    ]);
    expect(pipeline.goldTables.map((t) => t.table)).toEqual([
      'run1_gold.revenue',
      'run1_gold.payment_funnel',
      'run1_gold.gps_speed',
      'run1_gold.customer_360',
    ]);
  });
});
