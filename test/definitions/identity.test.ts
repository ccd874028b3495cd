/**
 * Identity by normalised e-mail and phone (src/core/definitions/identity.ts) on data: a hand-worked
 * journey typed four ways, and the CRM sample, whose E-mail and Телефон columns are filled the way
 * people type them — rows joined by them must be exactly the rows sharing an ID клиента.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR, type SampleWorkbook } from '../../scripts/generate-samples.js';
import { aggregate, type AggregatedData } from '../../src/core/aggregate/index.js';
import { defaultMapping, detectSheet, type ColumnRole, type Mapping } from '../../src/core/mapping/index.js';
import type { Matrix } from '../../src/core/values.js';

function withRoles(m: Mapping, roles: Readonly<Record<string, ColumnRole>>): Mapping {
  return { ...m, source: { ...m.source, columns: m.source.columns.map((c) => ({ ...c, role: roles[c.header] ?? c.role })) } };
}

describe('a hand-worked journey typed four ways', () => {
  // One person: an e-mail lead, then a call (phone only, trunk 8), then a won deal with both, then a
  // repeat purchase from a form that wrote the number as 10 bare digits (RUB: calling code 7 assumed).
  const rows: Matrix = [
    ['Дата', 'Источник', 'Статус', 'Сумма', 'E-mail', 'Телефон'],
    ['2026-01-05', 'yandex', 'Новый', '', ' Ivan.Petrov@Mail.RU ', ''],
    ['2026-01-20', 'calls', 'Новый', '', '', '8 (912) 000-11-22'],
    ['2026-02-01', 'google', 'Успешно реализовано', 1000, 'ivan.petrov@mail.ru', '+7 912 000 11 22'],
    ['2026-06-10', 'vk', 'Успешно реализовано', 500, '', '9120001122'],
    // A different person who shares nothing: a customer of their own.
    ['2026-03-01', 'vk', 'Успешно реализовано', 300, 'anna@ya.ru', '+7 (903) 555-44-33'],
  ];
  const detection = detectSheet(rows, undefined, { locale: 'ru' });
  const mapping = withRoles(
    { ...defaultMapping(detection, { currency: 'RUB' }), shape: 'crm' },
    { 'E-mail': 'customer_id', Телефон: 'customer_id', Сумма: 'revenue', Статус: 'status' },
  );
  const run = (m: Mapping): AggregatedData => aggregate(m, rows.slice(1));

  it('is one customer: one new customer, one repeat sale, returned after 129 days', () => {
    const data = run(mapping);
    expect(data.detail!.identity).toEqual(['email', 'phone']);
    const deals = data.detail!.deals;
    expect(deals.map((d) => [d.lead.revenue, d.kind, d.returned])).toEqual([
      [1000, 'new', false],
      [500, 'repeat', true], // 2026-02-01 → 2026-06-10 is 129 days ≥ 90
      [300, 'new', false],
    ]);
    expect(deals[0].customer).toBe(deals[1].customer);
    // The first won deal's touches are the e-mail lead, the call and the deal's own lead.
    expect(deals[0].touches.map((t) => t.channel)).toEqual(['yandex', 'calls', 'google']);
    expect(data.totals.measures.customers).toBe(2);
    expect(data.totals.measures.orders).toBe(3);
  });

  it('with e-mail alone the phone-only rows are strangers: three customers', () => {
    const data = run(withRoles(mapping, { Телефон: 'ignore' }));
    expect(data.totals.measures.customers).toBe(3);
  });
});

describe('the CRM sample: e-mail and phone find the customers ID клиента finds', () => {
  const wb = JSON.parse(readFileSync(`${SAMPLES_DIR}/crm-leads-ru.json`, 'utf8')) as SampleWorkbook;
  const [leads, costs] = wb.sheets;
  const matrix = (rows: SampleWorkbook['sheets'][number]['rows']): Matrix => rows.map((r) => r.map((v) => v ?? ''));
  const detection = detectSheet(matrix(leads.rows), undefined, { locale: 'ru' });
  const costsDetection = detectSheet(matrix(costs.rows), undefined, { locale: 'ru' });
  const base = defaultMapping(detection, { costsDetection });
  const run = (roles: Record<string, ColumnRole>): AggregatedData =>
    aggregate(withRoles(base, roles), matrix(leads.rows).slice(1), matrix(costs.rows).slice(1));

  it('the same new customers, repeat sales and returns, deal by deal and per channel', () => {
    const byId = run({});
    const byContact = run({ 'ID клиента': 'ignore', 'E-mail': 'customer_id', Телефон: 'customer_id' });
    expect(byId.detail!.identity).toEqual(['id']);
    expect(byContact.detail!.identity).toEqual(['email', 'phone']);
    const kinds = (d: AggregatedData): string[] => d.detail!.deals.map((x) => `${x.lead.row}:${x.kind}:${x.returned}`);
    expect(kinds(byContact)).toEqual(kinds(byId));
    expect(byId.detail!.deals.filter((d) => d.kind === 'repeat').length).toBeGreaterThan(20);
    const perChannel = (d: AggregatedData): [string, number][] => d.rows.map((r) => [r.channel, r.total.measures.customers]);
    expect(perChannel(byContact)).toEqual(perChannel(byId));
  });

  it('every row of a customer carries an e-mail or a phone, often only one of them, typed in several ways', () => {
    const h = leads.rows[0];
    const [e, p] = [h.indexOf('E-mail'), h.indexOf('Телефон')];
    const data = leads.rows.slice(1);
    expect(data.every((r) => r[e] !== null || r[p] !== null)).toBe(true);
    expect(data.filter((r) => r[e] === null).length).toBeGreaterThan(10);
    expect(data.filter((r) => r[p] === null).length).toBeGreaterThan(10);
    const forms = new Set(data.map((r) => String(r[p] ?? '').replace(/\d/gu, '9')));
    expect(forms.size).toBeGreaterThanOrEqual(5);
    expect(data.some((r) => typeof r[e] === 'string' && r[e] !== r[e].trim().toLowerCase())).toBe(true);
  });

  it('joined by e-mail alone, phone-only repeat leads are missed: more new customers than by ID', () => {
    const byId = run({});
    const byEmail = run({ 'ID клиента': 'ignore', 'E-mail': 'customer_id' });
    expect(byEmail.totals.measures.customers).toBeGreaterThan(byId.totals.measures.customers);
  });
});
