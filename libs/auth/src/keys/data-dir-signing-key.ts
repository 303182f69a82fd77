import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSigningKey, SigningKey, signingKeyFromPem, signingKeyToPem } from './signing-key';

export const SIGNING_KEY_FILE = 'token-signing-key.pem';
export const PUBLIC_KEY_FILE = 'token-signing-key.pub.pem';

export interface DataDirSigningKey {
  readonly key: SigningKey;
  /** `$DATA_DIR/keys/token-signing-key.pem` */
  readonly path: string;
  readonly created: boolean;
}

/**
 * The embedded default's signing key: `$DATA_DIR/keys/`, created on first use, mode 0600. Two processes
 * starting together agree on one key: the key file is published with link(), which fails if it exists.
 */
export async function loadOrCreateSigningKey(dataDir: string): Promise<DataDirSigningKey> {
  const dir = join(dataDir, 'keys');
  const path = join(dir, SIGNING_KEY_FILE);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const existing = await readPrivateKey(path);
  if (existing !== undefined) return { key: await signingKeyFromPem(existing), path, created: false };

  const generated = await generateSigningKey();
  const { privatePem, publicPem } = await signingKeyToPem(generated);
  const won = await publishOnce(path, privatePem);
  const key = won ? generated : await signingKeyFromPem((await readPrivateKey(path))!);
  if (won) {
    await replaceFile(join(dir, PUBLIC_KEY_FILE), publicPem);
    await syncDirectory(dir);
  }
  return { key, path, created: won };
}

async function readPrivateKey(path: string): Promise<string | undefined> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) return undefined;
  if ((info.mode & 0o077) !== 0) {
    throw new Error(`${path} is readable by other users (mode ${(info.mode & 0o777).toString(8)}); run chmod 600 on it`);
  }
  return readFile(path, 'utf8');
}

/** Writes a temporary file and links it into place; false when another process published first. */
async function publishOnce(path: string, content: string): Promise<boolean> {
  const temp = await writeTemp(path, content);
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp);
  }
}

async function replaceFile(path: string, content: string): Promise<void> {
  await rename(await writeTemp(path, content), path);
}

async function writeTemp(path: string, content: string): Promise<string> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const file = await open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  try {
    await file.writeFile(content);
    await file.sync();
  } finally {
    await file.close();
  }
  await chmod(temp, 0o600);
  return temp;
}

/** Makes the new directory entries durable, so a crash cannot lose a key that already signed tokens. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
