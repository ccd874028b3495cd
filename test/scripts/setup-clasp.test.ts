/** The deploy path a new user follows (issue 9 item 11): npm run setup, .clasp.json kept out of git, push --force. */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_DEPLOY_STEPS, setupClasp } from '../../scripts/setup-clasp.js';

const root = new URL('../../', import.meta.url).pathname;
const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdEFGH';

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'funnel-roi-setup-'));
  copyFileSync(join(root, '.clasp.json.example'), join(dir, '.clasp.json.example'));
  return dir;
}

describe('npm run setup', () => {
  it('writes .clasp.json from the example with the given script id and rootDir dist', () => {
    const dir = scratch();
    expect(setupClasp([ID], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.clasp.json'), 'utf8'))).toEqual({ scriptId: ID, rootDir: 'dist' });
    // Deploy's first step now passes quietly.
    expect(setupClasp([], dir)).toEqual({ code: 0, output: `.clasp.json: script ${ID}.` });
  });

  it('without an id (or with the placeholder) prints the exact first-deploy steps and fails', () => {
    const dir = scratch();
    const none = setupClasp([], dir);
    expect(none.code).toBe(1);
    expect(none.output).toContain(FIRST_DEPLOY_STEPS);
    for (const step of [
      'https://script.google.com/home/usersettings',
      'clasp login',
      'clasp create --type sheets',
      'npm run setup -- <SCRIPT_ID>',
      'Test deployments',
      'Editor Add-on',
    ]) {
      expect(FIRST_DEPLOY_STEPS).toContain(step);
    }
    writeFileSync(join(dir, '.clasp.json'), readFileSync(join(dir, '.clasp.json.example')));
    expect(setupClasp([], dir).code).toBe(1);
  });

  it('refuses a malformed id and does not overwrite an existing .clasp.json without --force', () => {
    const dir = scratch();
    expect(setupClasp(['not an id'], dir).code).toBe(2);
    expect(existsSync(join(dir, '.clasp.json'))).toBe(false);
    setupClasp([ID], dir);
    const other = ID.replace('1Ab', '9Zz');
    expect(setupClasp([other], dir).code).toBe(2);
    expect(setupClasp([other, '--force'], dir).code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, '.clasp.json'), 'utf8')) as { scriptId: string }).scriptId).toBe(other);
  });
});

describe('repository deploy settings', () => {
  it('npm run deploy checks setup, tests, builds and pushes with --force (a non-terminal push would skip the manifest)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.deploy).toBe('npm run setup && npm test && npm run build && clasp push --force');
    expect(pkg.scripts.setup).toBe('tsx scripts/setup-clasp.ts');
  });

  it('.clasp.json is ignored, and the committed example points clasp at dist/', () => {
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('.clasp.json');
    expect(JSON.parse(readFileSync(join(root, '.clasp.json.example'), 'utf8'))).toEqual({ scriptId: 'YOUR_SCRIPT_ID', rootDir: 'dist' });
  });
});
