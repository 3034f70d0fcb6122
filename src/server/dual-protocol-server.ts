import {
  createServer as createHttp1Server,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import {
  createServer as createHttp2Server,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from 'node:http2';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { Duplex } from 'node:stream';

export type DualProtocolHandler = (
  req: IncomingMessage | Http2ServerRequest,
  res: ServerResponse | Http2ServerResponse,
) => void;

/** The client preface every HTTP/2 cleartext (prior knowledge) connection starts with. */
const HTTP2_PREFACE = 'PRI * HTTP/2.0';

/**
 * One TCP port that speaks HTTP/1.1 and HTTP/2 without TLS (h2c with prior knowledge), as the
 * ksqlDB server does: the first bytes of a connection pick the protocol. Node's cleartext
 * HTTP/2 server cannot fall back to HTTP/1.1 by itself, hence the sniffing.
 *
 * HTTP/2 connections go through a JS stream wrapper because the HTTP/2 core reads the socket's
 * native handle and would miss the bytes already read for sniffing.
 */
export function createDualProtocolServer(handler: DualProtocolHandler): Server {
  const http1 = createHttp1Server(handler);
  const http2 = createHttp2Server({}, handler);
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      socket.pause();
      if (first.toString('latin1', 0, HTTP2_PREFACE.length) === HTTP2_PREFACE) {
        http2.emit('connection', replayingStream(socket, first));
      } else {
        socket.unshift(first);
        http1.emit('connection', socket);
        socket.resume();
      }
    });
  });
  // Open streaming responses (push queries) would otherwise keep close() waiting forever.
  const close = server.close.bind(server);
  server.close = (callback?: (err?: Error) => void) => {
    close(callback);
    for (const socket of sockets) socket.destroy();
    return server;
  };
  return server;
}

function replayingStream(socket: Socket, first: Buffer): Duplex {
  const stream = new Duplex({
    read: () => void socket.resume(),
    write: (chunk: Buffer, _encoding, callback) => void socket.write(chunk, callback),
    final: (callback) => {
      socket.end();
      callback();
    },
    destroy: (err, callback) => {
      socket.destroy(err ?? undefined);
      callback(err);
    },
  });
  stream.push(first);
  socket.on('data', (chunk: Buffer) => {
    if (!stream.push(chunk)) socket.pause();
  });
  socket.once('end', () => stream.push(null));
  socket.once('error', (err) => stream.destroy(err));
  socket.once('close', () => stream.destroy());
  socket.resume();
  return stream;
}
