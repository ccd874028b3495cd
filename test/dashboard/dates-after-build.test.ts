/** Data dated after the build day is said, in the spreadsheet's zone, and counted as it is. */
import { describe, expect, it } from 'vitest';
import { datesAfterBuild } from '../../src/core/dashboard/dates-after-build.js';
import { readingNotes } from '../../src/core/dashboard/reading-notes.js';

describe('datesAfterBuild', () => {
  it("compares the data's last day with the build day in the spreadsheet's zone", () => {
    // 20:00 UTC on the 23rd is already the 24th in Shanghai: data to the 24th is not in the future there.
    expect(datesAfterBuild('2026-11-24', '2026-11-23T20:00:00.000Z', 'Asia/Shanghai')).toBeNull();
    const utc = datesAfterBuild('2026-11-24', '2026-11-23T20:00:00.000Z', 'Etc/UTC');
    expect(utc).toMatchObject({ severity: 'warning', code: 'dates_after_build', params: { last: '2026-11-24', today: '2026-11-23' } });
    expect(datesAfterBuild('2026-11-23', '2026-11-23T00:30:00.000Z', 'Etc/UTC')).toBeNull();
    expect(datesAfterBuild(null, '2026-11-23T00:30:00.000Z', 'Etc/UTC')).toBeNull();
  });

  it('is a ⚠ note in the dashboard header, in the dashboard language', () => {
    const w = datesAfterBuild('2027-01-02', '2026-11-23T12:00:00.000Z', 'Europe/Moscow')!;
    const [ru] = readingNotes('ru', [w]);
    expect(ru).toEqual({ text: expect.stringMatching(/^⚠ Даты в данных доходят до 2027-01-02 .*\(2026-11-23\)/u), warning: true });
    expect(readingNotes('zh', [w])[0].text).toContain('2027-01-02');
  });
});
