import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs vitest on one fixture in a child process; returns its exit code and closing summary line. */
function runFixture(fixture: string): { status: number | null; summary: string } {
  const r = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/support/fixtures/vitest.fixture.config.ts'],
    {
      encoding: 'utf8',
      env: { ...process.env, FIXTURE: `test/support/fixtures/${fixture}`, CI: 'true' },
      timeout: 120_000,
    },
  );
  const summary = (r.stdout.match(/^Tests: .*$/mu) ?? [''])[0];
  return { status: r.status, summary };
}

describe('summary line', () => {
  it('counts a suite that throws at import as failed', () => {
    const r = runFixture('throws-at-import.fixture.ts');
    expect(r.status).toBe(1);
    expect(r.summary).toBe('Tests: 0 passed, 1 failed, 0 skipped');
  });

  it('counts a suite whose beforeAll throws as failed, its tests as skipped', () => {
    const r = runFixture('fails-in-before-all.fixture.ts');
    expect(r.status).toBe(1);
    expect(r.summary).toMatch(/^Tests: 0 passed, [1-9]\d* failed, \d+ skipped$/u);
  });
});
