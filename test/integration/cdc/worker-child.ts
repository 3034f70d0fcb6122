import { startWorker } from '../connectors/connect-harness';

/** A Connect worker in its own process, so a test can kill -9 it mid-stream. */
async function main(): Promise<void> {
  const group = process.argv[2];
  if (group === undefined) throw new Error('usage: worker-child <group>');
  const runtime = await startWorker(group);
  process.stdout.write(`READY ${runtime.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
