// `npm ci` when package-lock.json changed since the last one (or node_modules is missing), else nothing:
// the Maven build and ./emporium up call this on every build, and a clean install takes a while.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const marker = `${root}node_modules/.emporium-installed`;
const lock = createHash('sha256')
  .update(readFileSync(`${root}package-lock.json`))
  .digest('hex');

if (existsSync(marker) && readFileSync(marker, 'utf8') === lock) {
  console.log('[web] node_modules matches package-lock.json');
} else {
  console.log('[web] npm ci');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  writeFileSync(marker, lock);
}
