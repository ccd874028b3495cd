/** The missing-browser check (browser.ts) on a fake machine: nothing is installed or removed for real. */
import { describe, expect, it } from 'vitest';
import {
  BrowserMissingError,
  CHROMIUM_PATH,
  CJK_FONT_PATH,
  ensureBrowser,
  INSTALL_COMMAND,
  type CommandResult,
  type MachineAccess,
} from './browser.js';

interface FakeOptions {
  readonly present?: readonly string[];
  readonly root?: boolean;
  readonly passwordlessSudo?: boolean;
  /** apt-get install fails until apt-get update has run (a fresh image without package lists). */
  readonly needsUpdate?: boolean;
  /** apt-get install fails whatever happens. */
  readonly brokenApt?: boolean;
}

function fakeMachine(options: FakeOptions = {}): MachineAccess & { runs: string[]; logs: string[] } {
  const files = new Set(options.present ?? []);
  const runs: string[] = [];
  const logs: string[] = [];
  let updated = false;
  const apt = (args: readonly string[]): CommandResult => {
    if (args[0] === 'update') {
      updated = true;
      return { status: 0, output: '' };
    }
    if (options.brokenApt || (options.needsUpdate && !updated)) return { status: 100, output: 'E: Unable to locate package chromium' };
    files.add(CHROMIUM_PATH).add(CJK_FONT_PATH);
    return { status: 0, output: '' };
  };
  return {
    runs,
    logs,
    exists: (path) => files.has(path),
    isRoot: () => options.root ?? false,
    run(command, args) {
      runs.push([command, ...args].join(' '));
      if (command === 'apt-get') return options.root ? apt(args) : { status: 100, output: 'E: Could not open lock file - are you root?' };
      if (command === 'sudo' && options.passwordlessSudo) return args[1] === 'apt-get' ? apt(args.slice(2)) : { status: 0, output: '' };
      return { status: 1, output: 'sudo: a password is required' };
    },
    log: (message) => logs.push(message),
  };
}

const APT_INSTALL = 'apt-get install -y chromium fonts-noto-cjk';

describe('ensureBrowser', () => {
  it('does nothing when Chromium and the CJK fonts are there', () => {
    const machine = fakeMachine({ present: [CHROMIUM_PATH, CJK_FONT_PATH] });
    ensureBrowser(machine);
    expect(machine.runs).toEqual([]);
  });

  it('names the exact install command', () => {
    expect(INSTALL_COMMAND).toBe(APT_INSTALL);
  });

  it('installs without a prompt when running as root', () => {
    const machine = fakeMachine({ root: true });
    ensureBrowser(machine);
    expect(machine.runs).toEqual([APT_INSTALL]);
    expect(machine.logs.join('\n')).toContain(APT_INSTALL);
  });

  it('installs through sudo -n when sudo needs no password', () => {
    const machine = fakeMachine({ passwordlessSudo: true, present: [CJK_FONT_PATH] });
    ensureBrowser(machine);
    expect(machine.runs).toEqual(['sudo -n true', `sudo -n ${APT_INSTALL}`]);
  });

  it('updates the package lists once when the first install cannot find the packages', () => {
    const machine = fakeMachine({ root: true, needsUpdate: true });
    ensureBrowser(machine);
    expect(machine.runs).toEqual([APT_INSTALL, 'apt-get update', APT_INSTALL]);
  });

  it('without root or passwordless sudo: stops with the command to type, and installs nothing', () => {
    const machine = fakeMachine({ present: [CJK_FONT_PATH] });
    expect(() => ensureBrowser(machine)).toThrow(BrowserMissingError);
    expect(() => ensureBrowser(machine)).toThrow(`sudo ${APT_INSTALL}`);
    expect(() => ensureBrowser(machine)).toThrow(CHROMIUM_PATH);
    expect(machine.runs.every((r) => r === 'sudo -n true')).toBe(true);
  });

  it('says what apt-get said when the install did not work', () => {
    const machine = fakeMachine({ root: true, brokenApt: true });
    expect(() => ensureBrowser(machine)).toThrow(/still missing[\s\S]*Unable to locate package chromium/u);
  });
});
