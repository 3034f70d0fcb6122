import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Progress = (line: string) => void;

/** The `dependency` plugin with coordinates, so Maven needs no project of ours. */
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
/**
 * `copy` of a single archive: 3.x reads the artifact's descriptor, and Apicurio's parent pom is
 * not on Maven Central; 2.8 copies the file without it.
 */
const COPY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:2.8';

/**
 * Fetches Maven artifacts once into `dir` (Maven's own repository caches the downloads too).
 * A `.complete` marker makes an interrupted fetch start over instead of leaving half a folder.
 */
export async function fetchOnce(
  dir: string,
  description: string,
  goalArgs: readonly string[],
  progress: Progress,
  pom?: string,
): Promise<void> {
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return;
  mkdirSync(dir, { recursive: true });
  if (pom !== undefined) writeFileSync(join(dir, 'pom.xml'), pom);
  progress(`fetching ${description} from Maven Central (once; cached in ${dir})`);
  await runMaven(dir, goalArgs, progress);
  writeFileSync(marker, new Date(0).toISOString());
}

function runMaven(cwd: string, goalArgs: readonly string[], progress: Progress): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', ['-B', ...goalArgs], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let downloaded = 0;
    let tail = '';
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) {
        if (line.includes('Downloaded from')) {
          downloaded += 1;
          if (downloaded % 50 === 1) progress(`  ${downloaded} artifacts downloaded...`);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) =>
      reject(new Error(`could not run mvn (is Maven installed?): ${err.message}`)),
    );
    child.on('close', (code) => {
      if (code === 0) {
        if (downloaded > 0) progress(`  ${downloaded} artifacts downloaded`);
        resolve();
      } else reject(new Error(`mvn exited with ${code}:\n${tail}`));
    });
  });
}

export function copyDependenciesArgs(outputDir: string): string[] {
  return [
    `${DEPENDENCY_PLUGIN}:copy-dependencies`,
    `-DoutputDirectory=${outputDir}`,
    '-DincludeScope=runtime',
  ];
}

export function copyArtifactArgs(artifact: string, outputDir: string): string[] {
  return [`${COPY_PLUGIN}:copy`, `-Dartifact=${artifact}`, `-DoutputDirectory=${outputDir}`];
}
