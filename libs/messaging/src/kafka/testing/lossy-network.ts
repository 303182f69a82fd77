import { connect, Socket } from 'node:net';
import { ISocketFactory } from 'kafkajs';

/**
 * A real TCP path to the broker that can be made to lose the broker's answers: while `losing` is set, a
 * connection that receives anything is cut before the client reads it, and new connections fail. What the
 * client sent still reaches the broker, so a write can be stored while its writer is told it failed.
 */
export class LossyNetwork {
  losing = false;

  readonly socketFactory: ISocketFactory = ({ host, port, onConnect }) => {
    const socket = connect({ host, port }, onConnect);
    if (this.losing) setImmediate(() => socket.destroy(new Error('Connection refused by the test network')));
    const emit = socket.emit.bind(socket) as Socket['emit'];
    socket.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event === 'data' && this.losing) {
        socket.destroy(new Error('Answer lost by the test network'));
        return true;
      }
      return emit(event, ...args);
    }) as Socket['emit'];
    return socket;
  };
}
