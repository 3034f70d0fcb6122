import type { EngineInfo } from '../engine/engine-port';

const LOGO = String.raw`
                  ===========================================
                  =       _                    _            =
                  =      | |__  _ __ ___   ___ | | __       =
                  =      | '_ \| '__/ _ \ / _ \| |/ /       =
                  =      | |_) | | | (_) | (_) |   <        =
                  =      |_.__/|_|  \___/ \___/|_|\_\       =
                  =                                         =
                  =  Streaming SQL on Kafka, state in Redis =
                  ===========================================`;

/** The start-up banner, in the spirit of the ksql CLI's: versions, server and its status. */
export function banner(cliVersion: string, serverUrl: string, info: EngineInfo | Error): string {
  const server =
    info instanceof Error
      ? [
          `CLI v${cliVersion}, Server located at ${serverUrl}`,
          '',
          '**************** WARNING ******************',
          `Remote server at ${serverUrl} could not be reached: ${info.message}`,
          'Statements will be sent when it answers.',
          '*******************************************',
        ]
      : [
          `CLI v${cliVersion}, Server v${info.version} located at ${serverUrl}`,
          `Server Status: ${info.serverStatus}`,
        ];
  return [
    LOGO,
    '',
    ...server,
    '',
    "Having trouble? Type 'help' (case-insensitive) for a rundown of how things work!",
    '',
  ].join('\n');
}
