import { describe, expect, it } from 'vitest';
import { numberLocale, parseUserInput } from '../../local/runtime/index.js';

const en = numberLocale('en_US');
const ru = numberLocale('ru_RU');
const zh = numberLocale('zh_CN');
const serial = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('parseUserInput: typed text as Sheets reads it', () => {
  it('numbers in the locale, with the format Sheets infers', () => {
    expect(parseUserInput('00123', en)).toEqual({ kind: 'number', value: 123 });
    expect(parseUserInput('1,234.5', en)).toEqual({ kind: 'number', value: 1234.5, format: '#,##0.0' });
    expect(parseUserInput('1,234.5', ru)).toEqual({ kind: 'text', text: '1,234.5' });
    expect(parseUserInput('1 234,5', ru)).toEqual({ kind: 'number', value: 1234.5, format: '#,##0.0' });
    expect(parseUserInput('12.5%', en)).toEqual({ kind: 'number', value: 0.125, format: '0.0%' });
    expect(parseUserInput('-$5', en)).toEqual({ kind: 'number', value: -5, format: '"$"#,##0.00' });
    expect(parseUserInput('1e3', en)).toEqual({ kind: 'number', value: 1000 });
  });

  it('dates: ISO everywhere, the locale order, and year-first slashes', () => {
    expect(parseUserInput('2026-03-01', en)).toEqual({ kind: 'date', serial: serial(2026, 3, 1), format: 'yyyy-mm-dd' });
    expect(parseUserInput('3/1/2026', en)).toEqual({ kind: 'date', serial: serial(2026, 3, 1), format: 'm/d/yyyy' });
    expect(parseUserInput('01.03.2026', ru)).toEqual({ kind: 'date', serial: serial(2026, 3, 1), format: 'dd.mm.yyyy' });
    expect(parseUserInput('2026/3/1', zh)).toEqual({ kind: 'date', serial: serial(2026, 3, 1), format: 'yyyy/m/d' });
    expect(parseUserInput('2026-02-30', en)).toEqual({ kind: 'text', text: '2026-02-30' });
  });

  it('formulas, formula attempts and the apostrophe escape', () => {
    expect(parseUserInput('=SUM(A1:A2)', en)).toEqual({ kind: 'formula', formula: '=SUM(A1:A2)' });
    expect(parseUserInput('=IMPORTXML("http://x", "//a")', en)).toEqual({ kind: 'formula', formula: '=IMPORTXML("http://x", "//a")' });
    expect(parseUserInput('+cmd', en)).toEqual({ kind: 'formula', formula: '=+cmd' });
    expect(parseUserInput('+7 999 123-45-67', en)).toEqual({ kind: 'formula', formula: '=+7 999 123-45-67' });
    expect(parseUserInput("'+cmd", en)).toEqual({ kind: 'text', text: '+cmd' });
    expect(parseUserInput("''quoted", en)).toEqual({ kind: 'text', text: "'quoted" });
    expect(parseUserInput('-', en)).toEqual({ kind: 'text', text: '-' });
    expect(parseUserInput('', en)).toEqual({ kind: 'blank' });
    expect(parseUserInput('true', en)).toEqual({ kind: 'boolean', value: true });
    expect(parseUserInput('Реклама', ru)).toEqual({ kind: 'text', text: 'Реклама' });
  });
});
