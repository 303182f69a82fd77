import { describeConnection } from './connection-string';

describe('describing a connection for logs and health', () => {
  it('leaves out user credentials', () => {
    expect(describeConnection('esdb://admin:changeit@db.internal:2113?tls=true')).toBe('esdb://db.internal:2113?tls=true');
    expect(describeConnection('esdb+discover://ops:s3cr@t@cluster.internal:2113')).toBe('esdb+discover://cluster.internal:2113');
  });

  it('keeps a connection string without credentials as it is', () => {
    expect(describeConnection('esdb://127.0.0.1:2113?tls=false')).toBe('esdb://127.0.0.1:2113?tls=false');
  });
});
