/** The connection string without user credentials: safe for logs and the health endpoint. */
export function describeConnection(connectionString: string): string {
  return connectionString.replace(/^([a-z+]+:\/\/)[^/?#]*@/i, '$1');
}
