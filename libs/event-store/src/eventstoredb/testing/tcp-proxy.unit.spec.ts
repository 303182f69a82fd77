import { proxyableServer } from './tcp-proxy';

describe('connection strings the test proxy can relay', () => {
  it('relays a single insecure node, keeping credentials and options', () => {
    const server = proxyableServer('esdb://admin:changeit@db.test:2113?tls=false&keepAliveTimeout=10000');
    if (typeof server === 'string') throw new Error(server);
    expect([server.host, server.port]).toEqual(['db.test', 2113]);
    expect(server.via(40111)).toBe('esdb://admin:changeit@127.0.0.1:40111?tls=false&keepAliveTimeout=10000');
  });

  it('uses the default port when none is given', () => {
    const server = proxyableServer('esdb://localhost?tls=false');
    expect(typeof server !== 'string' && server.port).toBe(2113);
  });

  it('gives the reason for a cluster or a TLS connection', () => {
    expect(proxyableServer('esdb+discover://cluster.test:2113?tls=false')).toMatch(/cluster/);
    expect(proxyableServer('esdb://a.test:2113,b.test:2113?tls=false')).toMatch(/cluster/);
    expect(proxyableServer('esdb://db.test:2113')).toMatch(/tls=false/);
  });
});
