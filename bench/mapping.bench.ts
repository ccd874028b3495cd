/**
 * Column mapping: guesser accuracy over the header corpus (per source and overall) and the time to
 * detect + guess a 10,000-row sheet — what the server's detect() does on a large export.
 */
import { detectSheet } from '../src/core/mapping/index.js';
import type { Matrix } from '../src/core/values.js';
import { GUESSER_ACCURACY } from '../test/corpus/accuracy.js';
import {
  annotatorAgreement,
  loadCorpus,
  loadFirstAnnotationOfRound4,
  loadSecondAnnotation,
  scoreCorpusFile,
  type CorpusPart,
} from '../test/corpus/load-corpus.js';
import { ms, record, time } from './lib/timing.js';

function crmSheet(rows: number): Matrix {
  const statuses = [
    'Новый',
    'В работе',
    'Квалифицирован',
    'Встреча назначена',
    'КП отправлено',
    'Успешно реализовано',
    'Закрыто и не реализовано',
    'Спам',
  ];
  const sources = ['yandex', 'google', 'vk', 'telegram', 'partner', 'seo'];
  const out: Matrix = [
    ['Выгрузка лидов'],
    [],
    ['ID', 'Дата создания', 'Источник', 'Кампания', 'Статус', 'Сумма сделки', 'Дата закрытия', 'ID клиента'],
  ];
  for (let i = 0; i < rows; i++) {
    out.push([
      10000 + i,
      new Date(2026, i % 12, 1 + (i % 28)),
      sources[i % 6],
      `camp_${i % 17}`,
      statuses[(i * 7) % 8],
      i % 3 === 0 ? '1 234 500,00' : i % 3 === 1 ? 98000 : '',
      i % 2 ? new Date(2026, i % 12, 28) : '',
      `C-${i % 4000}`,
    ]);
  }
  return out;
}

function adSheet(rows: number): Matrix {
  const out: Matrix = [
    ['Ad platforms export'],
    [],
    ['Date', 'Channel', 'Campaign', 'Spend', 'Impressions', 'Clicks', 'CTR', 'Avg. CPC', 'Leads', 'MQL', 'SQL', 'Customers', 'Revenue'],
  ];
  for (let i = 0; i < rows; i++)
    out.push([
      `2026-${String(1 + (i % 12)).padStart(2, '0')}-01`,
      `ch${i % 9}`,
      `c${i % 40}`,
      100 + (i % 50),
      10000,
      150,
      '1.5%',
      0.66,
      6,
      3,
      2,
      i % 5 === 0 ? 1 : 0,
      i % 5 === 0 ? 9000 : 0,
    ]);
  out.push(['Total', '', '', 0, 0, 0, '', '', 0, 0, 0, 0, 0]);
  return out;
}

function timed(label: string, fn: () => unknown, runs = 5): number {
  const t = time(fn, runs, 1);
  console.log(`${label}: ${ms(t)}`);
  return t.median;
}

function accuracy(part: CorpusPart, documented: number): void {
  let right = 0;
  let total = 0;
  const misses: string[] = [];
  for (const c of loadCorpus(part)) {
    const s = scoreCorpusFile(c);
    right += s.right;
    total += s.total;
    misses.push(...s.misses);
    console.log(
      `  ${s.file.replace('.json', '').padEnd(34)} ${String(s.right).padStart(3)}/${String(s.total).padEnd(3)} ${((100 * s.right) / s.total).toFixed(0)}%`,
    );
  }
  for (const m of misses) console.log(`      wrong: ${m}`);
  const tunedOn = GUESSER_ACCURACY.heldOutTunedOn ? ', tuned on since; blind' : '';
  const goal = part === 'tuned' ? 'stays at' : `round ${GUESSER_ACCURACY.heldOutRound}${tunedOn}, target ≥ 97%, documented`;
  record(`mapping.accuracy.${part === 'tuned' ? 'tuned' : 'heldOut'}`, Number((right / total).toFixed(4)));
  console.log(
    `guesser accuracy, ${part}: ${right}/${total} columns = ${((100 * right) / total).toFixed(1)}% (${goal} ${(100 * documented).toFixed(1)}%)`,
  );
}

export default function run(): void {
  accuracy('tuned', GUESSER_ACCURACY.tuned);
  accuracy('held-out', GUESSER_ACCURACY.heldOut);
  const a = annotatorAgreement(loadFirstAnnotationOfRound4(), loadSecondAnnotation());
  record('mapping.accuracy.round4AnnotatorAgreement', Number((a.agreed / a.total).toFixed(4)));
  record('mapping.accuracy.round4WhereAnnotatorsAgree', Number((a.guesserRightOnAgreed / a.agreed).toFixed(4)));
  console.log(
    `round 4 (tuned now): two blind annotators agree on ${a.agreed}/${a.total} columns (${((100 * a.agreed) / a.total).toFixed(1)}%); ` +
      `the guesser is right on ${a.guesserRightOnAgreed}/${a.agreed} of those (${((100 * a.guesserRightOnAgreed) / a.agreed).toFixed(1)}%)`,
  );

  const crm = crmSheet(10_000);
  const ad = adSheet(10_000);
  const crmMs = timed('detect+guess, CRM export 10,000 rows × 8 columns', () => detectSheet(crm));
  const adMs = timed('detect+guess, ad export 10,000 rows × 13 columns + totals', () => detectSheet(ad));
  // Apps Script allows 30 s per custom-function/UI call; detection should be a small part of a sidebar round trip.
  record('mapping.detectMs', { crm10k: Number(crmMs.toFixed(1)), ad10k: Number(adMs.toFixed(1)) });
  console.log(
    `ratio to a 1 s budget: CRM ${(crmMs / 1000).toFixed(3)}, ad ${(adMs / 1000).toFixed(3)} (goal < 0.5 locally; V8 in Apps Script is ~3–5× slower)`,
  );
}
