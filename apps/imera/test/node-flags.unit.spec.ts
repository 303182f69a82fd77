import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS } from '../../../test/support/system-process';

const root = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the Node flags the system runs with', () => {
  it('are the same for npm start, the container image and the tests and benchmark that start the system', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toContain(`node ${SERVICE_NODE_FLAGS.join(' ')} dist/apps/imera/src/main.js`);
    expect(scripts['projections:rebuild']).toContain(`node ${SERVICE_NODE_FLAGS.join(' ')} dist/`);
    const command = read('infra/Dockerfile').split('\n').find((line) => line.startsWith('CMD '));
    expect(JSON.parse(command!.slice(4))).toEqual(['node', ...SERVICE_NODE_FLAGS, 'dist/apps/imera/src/main.js']);
  });
});
