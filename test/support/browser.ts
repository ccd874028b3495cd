/**
 * The browser suites (sidebar, e2e) drive Debian's Chromium through playwright-core and never download a
 * browser. Before any suite starts, global-setup checks that Chromium and the CJK fonts are there. When
 * they are missing it installs them if it can do so without a prompt (running as root, or with
 * passwordless sudo); otherwise it stops the run with the exact command to type.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Chinese dashboards and wizard screenshots need a CJK font, or every glyph is a box. */
export const CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const BROWSER_PACKAGES = ['chromium', 'fonts-noto-cjk'] as const;
export const INSTALL_COMMAND = `apt-get install -y ${BROWSER_PACKAGES.join(' ')}`;

export interface CommandResult {
  readonly status: number;
  readonly output: string;
}

/** What the check touches on the machine, injected so tests never install or remove anything. */
export interface MachineAccess {
  exists(path: string): boolean;
  isRoot(): boolean;
  run(command: string, args: readonly string[]): CommandResult;
  log(message: string): void;
}

export const SYSTEM: MachineAccess = {
  exists: existsSync,
  isRoot: () => process.getuid?.() === 0,
  run(command, args) {
    const r = spawnSync(command, args, {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: r.status ?? 1, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
  },
  log: (message) => process.stderr.write(`${message}\n`),
};

export class BrowserMissingError extends Error {
  override readonly name = 'BrowserMissingError';
}

/** The paths that are missing; empty when the browser suites can run. */
export function missingBrowserFiles(machine: Pick<MachineAccess, 'exists'>): string[] {
  return [CHROMIUM_PATH, CJK_FONT_PATH].filter((path) => !machine.exists(path));
}

/** Makes sure Chromium and the CJK fonts are installed, installing them when no prompt is needed. */
export function ensureBrowser(machine: MachineAccess = SYSTEM): void {
  const missing = missingBrowserFiles(machine);
  if (missing.length === 0) return;
  const prefix = installPrefix(machine);
  if (prefix === null) throw new BrowserMissingError(notInstalledMessage(missing));
  machine.log(`Browser tests need ${missing.join(' and ')}; installing: ${[...prefix, INSTALL_COMMAND].join(' ')}`);
  const result = install(machine, prefix);
  const stillMissing = missingBrowserFiles(machine);
  if (stillMissing.length > 0) throw new BrowserMissingError(installFailedMessage(stillMissing, result));
}

/** How to run apt-get without a prompt: directly as root, through `sudo -n` when that needs no password. */
function installPrefix(machine: MachineAccess): string[] | null {
  if (machine.isRoot()) return [];
  return machine.run('sudo', ['-n', 'true']).status === 0 ? ['sudo', '-n'] : null;
}

/** Installs; when the package lists are stale or absent (a fresh image), updates them and tries again. */
function install(machine: MachineAccess, prefix: readonly string[]): CommandResult {
  const apt = (args: readonly string[]): CommandResult =>
    prefix.length === 0 ? machine.run('apt-get', args) : machine.run(prefix[0], [...prefix.slice(1), 'apt-get', ...args]);
  const first = apt(['install', '-y', ...BROWSER_PACKAGES]);
  if (first.status === 0) return first;
  const update = apt(['update']);
  if (update.status !== 0) return update;
  return apt(['install', '-y', ...BROWSER_PACKAGES]);
}

function notInstalledMessage(missing: readonly string[]): string {
  return [
    `The browser tests need Chromium and CJK fonts, and ${missing.join(' and ')} is missing.`,
    'This user is not root and has no passwordless sudo, so they were not installed automatically. Install them with:',
    '',
    `    sudo ${INSTALL_COMMAND}`,
    '',
    "then run npm test again. (The tests use Debian's Chromium at /usr/bin/chromium and never download a browser.)",
  ].join('\n');
}

function installFailedMessage(missing: readonly string[], result: CommandResult): string {
  const tail = result.output.trim().split('\n').slice(-8).join('\n');
  return [
    `Installing the browser for the tests did not work: ${missing.join(' and ')} is still missing.`,
    `Install it by hand with:  sudo ${INSTALL_COMMAND}`,
    tail ? `apt-get said:\n${tail}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
