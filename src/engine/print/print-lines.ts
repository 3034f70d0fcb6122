import type { TopicRecord } from '../ports';
import { PRINT_FORMATS, type PrintDecoder, type PrintFormat } from './print-formats';

/**
 * Turns a topic's records into PRINT's text lines, ksqlDB style:
 * `Key format: KAFKA_STRING`, `Value format: AVRO`, then per record
 * `rowtime: 2021/04/12 23:26:03.655 Z, key: <null>, value: {...}, partition: 0`.
 * The formats are narrowed on every record and announced with the first one.
 */
export class PrintLines {
  private keyCandidates: readonly PrintFormat[] = PRINT_FORMATS;
  private valueCandidates: readonly PrintFormat[] = PRINT_FORMATS;
  private announced = false;

  constructor(private readonly decoder: PrintDecoder) {}

  async linesFor(record: TopicRecord): Promise<string[]> {
    const key = await this.render(record.key, 'key');
    const value = await this.render(record.value, 'value');
    const line = `rowtime: ${formatRowtime(record.timestamp)}, key: ${key}, value: ${value}, partition: ${record.partition}`;
    if (this.announced) return [line];
    this.announced = true;
    return [`Key format: ${describe(this.keyCandidates, record.key)}`, `Value format: ${describe(this.valueCandidates, record.value)}`, line];
  }

  private async render(bytes: Buffer | null, side: 'key' | 'value'): Promise<string> {
    if (bytes === null) return '<null>';
    const candidates = side === 'key' ? this.keyCandidates : this.valueCandidates;
    const fitting: PrintFormat[] = [];
    let text: string | undefined;
    for (const format of candidates) {
      const decoded = await this.decoder.decode(format, bytes);
      if (decoded === undefined) continue;
      fitting.push(format);
      text ??= decoded;
    }
    if (fitting.length > 0) {
      if (side === 'key') this.keyCandidates = fitting;
      else this.valueCandidates = fitting;
    }
    return text ?? `[${bytes.toString('hex')}]`;
  }
}

function describe(candidates: readonly PrintFormat[], sample: Buffer | null): string {
  if (sample === null && candidates === PRINT_FORMATS) return '¯\\_(ツ)_/¯ - no data processed';
  // An AVRO match is decisive: the magic byte and a registered id do not happen by chance.
  if (candidates.includes('AVRO')) return 'AVRO';
  return candidates.join(' or ');
}

/** `2021/04/12 23:26:03.655 Z`. */
export function formatRowtime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 23)} Z`;
}
