/**
 * `npm run samples`: writes the sample workbooks in samples/ — test fixtures and the data `npm start` shows.
 * Deterministic (seeded PRNG, UTC date arithmetic), so regenerating gives byte-identical files; a test checks.
 *
 * Format of samples/<name>.json:
 *   { "title": string, "sheets": [ { "name": string, "rows": (string|number|null)[][], "numberFormats": string[][] } ] }
 * - rows[r][c] is the cell at row r+1, column c+1; null is an empty cell; rows may be ragged (trailing blanks omitted).
 * - numberFormats has the same shape as rows; "General" means none. A cell whose format is a date pattern
 *   (contains y/d, e.g. "yyyy-mm-dd", "dd.mm.yyyy", "yyyy-mm") holds an ISO date string "2026-01-05" that a
 *   loader turns into a date value; every other string is text as typed (text numbers like "1 234 500,00"
 *   are deliberate: CRM exports write them).
 * CSV copies (samples/csv/<workbook>--<sheet-slug>.csv, RFC 4180, UTF-8, comma-separated) hold the same rows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type SampleCell = string | number | null;
export interface SampleSheet {
  readonly name: string;
  readonly rows: SampleCell[][];
  readonly numberFormats: string[][];
}
export interface SampleWorkbook {
  readonly title: string;
  readonly sheets: SampleSheet[];
}

/** mulberry32: tiny, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const between = (r: Rand, lo: number, hi: number): number => lo + (hi - lo) * r();
const int = (r: Rand, lo: number, hi: number): number => Math.floor(between(r, lo, hi + 1));
const round2 = (x: number): number => Math.round(x * 100) / 100;
/** Binomial-ish count without a long loop: mean n·p with ±√ noise, never negative, never above n. */
function draw(r: Rand, n: number, p: number): number {
  const mean = n * p;
  const noise = (r() + r() + r() - 1.5) * Math.sqrt(Math.max(mean, 0.25)) * 1.2;
  return Math.max(0, Math.min(n, Math.round(mean + noise)));
}

const DAY = 86_400_000;
const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);
/** B2B seasonality: slow January and August, busy autumn. */
const SEASON = [0.75, 0.95, 1.05, 1.05, 1.0, 0.95, 0.85, 0.75, 1.1, 1.2, 1.2, 0.9];

// ---------------------------------------------------------------------------------------------------
// (a) Ad-platform weekly export, English headers, USD, title row above and a "Total" row below.

interface AdChannel {
  readonly name: string;
  readonly campaigns: readonly string[];
  /** Weekly spend per campaign in USD (0 for organic). */
  readonly weeklySpend: number;
  readonly cpc: number;
  readonly ctr: number;
  readonly leadRate: number;
  readonly mqlRate: number;
  readonly sqlRate: number;
  readonly winRate: number;
  readonly dealSize: number;
  /** Impressions unknown (referral): left blank. */
  readonly noImpressions?: boolean;
}

// Tuned so the year's ROMI spans roughly −50%…+300%: Meta, VK and Telegram lose money, search and LinkedIn pay.
const AD_CHANNELS: readonly AdChannel[] = [
  {
    name: 'Google Ads',
    campaigns: ['Search — Brand', 'Search — Generic'],
    weeklySpend: 2200,
    cpc: 3.4,
    ctr: 0.028,
    leadRate: 0.025,
    mqlRate: 0.5,
    sqlRate: 0.45,
    winRate: 0.25,
    dealSize: 9000,
  },
  {
    name: 'Yandex Direct',
    campaigns: ['Поиск — CRM', 'РСЯ — Ретаргетинг'],
    weeklySpend: 1200,
    cpc: 1.6,
    ctr: 0.018,
    leadRate: 0.02,
    mqlRate: 0.45,
    sqlRate: 0.4,
    winRate: 0.22,
    dealSize: 6000,
  },
  {
    name: 'Meta Ads',
    campaigns: ['Lead Ads — Lookalike', 'Retargeting — Video'],
    weeklySpend: 1500,
    cpc: 1.3,
    ctr: 0.009,
    leadRate: 0.02,
    mqlRate: 0.35,
    sqlRate: 0.3,
    winRate: 0.2,
    dealSize: 2400,
  },
  {
    name: 'VK Ads',
    campaigns: ['VK — Interests'],
    weeklySpend: 700,
    cpc: 1.1,
    ctr: 0.006,
    leadRate: 0.012,
    mqlRate: 0.45,
    sqlRate: 0.35,
    winRate: 0.22,
    dealSize: 2600,
  },
  {
    name: 'LinkedIn',
    campaigns: ['ABM — Decision makers', 'Sponsored content'],
    weeklySpend: 1800,
    cpc: 7.5,
    ctr: 0.0058,
    leadRate: 0.03,
    mqlRate: 0.6,
    sqlRate: 0.5,
    winRate: 0.2,
    dealSize: 12000,
  },
  {
    name: 'Telegram Ads',
    campaigns: ['Channels — IT'],
    weeklySpend: 600,
    cpc: 2.1,
    ctr: 0.012,
    leadRate: 0.015,
    mqlRate: 0.4,
    sqlRate: 0.35,
    winRate: 0.18,
    dealSize: 3000,
  },
  {
    name: 'Email',
    campaigns: ['Newsletter', 'Nurture sequence'],
    weeklySpend: 90,
    cpc: 0.08,
    ctr: 0.03,
    leadRate: 0.02,
    mqlRate: 0.5,
    sqlRate: 0.45,
    winRate: 0.25,
    dealSize: 6000,
  },
  {
    name: 'SEO / Organic',
    campaigns: ['Organic search'],
    weeklySpend: 0,
    cpc: 0,
    ctr: 0.035,
    leadRate: 0.02,
    mqlRate: 0.45,
    sqlRate: 0.45,
    winRate: 0.25,
    dealSize: 7000,
  },
  {
    name: 'Referral / Partners',
    campaigns: ['Partner program'],
    weeklySpend: 250,
    cpc: 0.9,
    ctr: 0,
    leadRate: 0.06,
    mqlRate: 0.55,
    sqlRate: 0.5,
    winRate: 0.3,
    dealSize: 12000,
    noImpressions: true,
  },
];

const AD_HEADERS = ['Date', 'Channel', 'Campaign', 'Spend', 'Impressions', 'Clicks', 'Leads', 'MQL', 'SQL', 'Customers', 'Revenue'];
const AD_FORMATS = ['yyyy-mm-dd', 'General', 'General', '$#,##0.00', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0', '$#,##0.00'];

function adPlatformExport(): SampleWorkbook {
  const r = prng(20260101);
  const rows: SampleCell[][] = [['Ad platforms — weekly performance export, 2026 (USD)'], []];
  const formats: string[][] = [['General'], []];
  rows.push([...AD_HEADERS]);
  formats.push(AD_HEADERS.map(() => 'General'));
  const firstMonday = Date.UTC(2026, 0, 5);
  const totals = new Array<number>(AD_HEADERS.length).fill(0);
  for (let w = 0; w < 52; w++) {
    const t = firstMonday + w * 7 * DAY;
    const season = SEASON[new Date(t).getUTCMonth()];
    for (const ch of AD_CHANNELS) {
      for (const campaign of ch.campaigns) {
        const organic = ch.weeklySpend === 0;
        // Organic costs nothing but an SEO tool billed in the first week of each month: zero and near-zero spend.
        const toolBill = new Date(t).getUTCDate() <= 7 ? 49 : 0;
        const spend = organic ? toolBill : round2(ch.weeklySpend * season * between(r, 0.75, 1.25));
        const clicks = organic
          ? Math.round(between(r, 900, 1400) * season)
          : Math.max(1, Math.round(spend / (ch.cpc * between(r, 0.85, 1.15))));
        const impressions = ch.noImpressions ? null : Math.round(clicks / (ch.ctr * between(r, 0.8, 1.2)));
        const leads = draw(r, clicks, ch.leadRate);
        const mql = draw(r, leads, ch.mqlRate);
        const sql = draw(r, mql, ch.sqlRate);
        const customers = draw(r, sql, ch.winRate);
        let revenue = 0;
        for (let k = 0; k < customers; k++) revenue += ch.dealSize * between(r, 0.6, 1.4);
        revenue = round2(revenue);
        const row: SampleCell[] = [isoDate(t), ch.name, campaign, spend, impressions, clicks, leads, mql, sql, customers, revenue];
        // A few blanks, as real exports have: email clicks not synced some weeks.
        if (ch.name === 'Email' && r() < 0.08) row[5] = null;
        rows.push(row);
        formats.push([...AD_FORMATS]);
        row.forEach((v, i) => {
          if (i >= 3 && typeof v === 'number') totals[i] += v;
        });
      }
    }
  }
  rows.push(['Total', null, null, ...totals.slice(3).map((v, i) => (i === 0 || i === 7 ? round2(v) : v))]);
  formats.push([...AD_FORMATS.map((f, i) => (i === 0 ? 'General' : f))]);
  return { title: 'Ad platform export (en)', sheets: [{ name: 'Ads export', rows, numberFormats: formats }] };
}

// ---------------------------------------------------------------------------------------------------
// (b) CRM lead export with Russian headers + (c) monthly costs per channel, RUB.

interface CrmSource {
  readonly utm: string;
  readonly campaigns: readonly string[];
  /** Share of all leads. */
  readonly share: number;
  /** Monthly spend in RUB (before seasonality). */
  readonly monthlySpend: number;
  readonly spamRate: number;
  /** Multiplies the progression probabilities: lead quality. */
  readonly quality: number;
  readonly dealSize: number;
}

const CRM_SOURCES: readonly CrmSource[] = [
  {
    utm: 'yandex',
    campaigns: ['brand_search', 'crm_search', 'rsya_retarget'],
    share: 0.3,
    monthlySpend: 420000,
    spamRate: 0.08,
    quality: 1.0,
    dealSize: 420000,
  },
  {
    utm: 'google',
    campaigns: ['search_generic', 'pmax'],
    share: 0.18,
    monthlySpend: 260000,
    spamRate: 0.07,
    quality: 1.0,
    dealSize: 450000,
  },
  {
    utm: 'vk',
    campaigns: ['vk_interests', 'vk_lookalike'],
    share: 0.16,
    monthlySpend: 230000,
    spamRate: 0.18,
    quality: 0.5,
    dealSize: 180000,
  },
  { utm: 'telegram', campaigns: ['tg_channels'], share: 0.1, monthlySpend: 150000, spamRate: 0.12, quality: 0.55, dealSize: 200000 },
  { utm: 'partner', campaigns: ['partner_program'], share: 0.1, monthlySpend: 90000, spamRate: 0.03, quality: 1.25, dealSize: 650000 },
  { utm: 'seo', campaigns: ['organic'], share: 0.16, monthlySpend: 60000, spamRate: 0.1, quality: 1.1, dealSize: 380000 },
];

/** The pipeline in order; a lead stops somewhere along it. */
const CRM_PIPELINE = ['Новый', 'В работе', 'Квалифицирован', 'Встреча назначена', 'КП отправлено'] as const;
const WON = 'Успешно реализовано';
const LOST = 'Закрыто и не реализовано';
const SPAM = 'Спам';
/** Chance to move from stage k to k+1, then to win from the last stage. */
const ADVANCE = [0.85, 0.6, 0.6, 0.65];
const WIN_FROM_PROPOSAL = 0.45;

/** Russian-style text amount: "1 234 500,00" (NBSP-free plain spaces, as CRM exports write them). */
function rubText(x: number): string {
  const [i, f] = x.toFixed(2).split('.');
  return i.replace(/\B(?=(\d{3})+(?!\d))/gu, ' ') + ',' + f;
}

function pick<T>(r: Rand, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)];
}

function pickSource(r: Rand): CrmSource {
  let x = r();
  for (const s of CRM_SOURCES) {
    x -= s.share;
    if (x <= 0) return s;
  }
  return CRM_SOURCES[CRM_SOURCES.length - 1];
}

const CRM_HEADERS = [
  'ID',
  'Дата создания',
  'Источник',
  'Кампания',
  'Статус',
  'Сумма сделки',
  'Дата закрытия',
  'ID клиента',
  'Оценка NPS',
  'E-mail',
  'Телефон',
];
const CRM_FORMATS = ['0', 'dd.mm.yyyy', 'General', 'General', 'General', '#,##0.00', 'dd.mm.yyyy', 'General', '0', 'General', '@'];

const FIRST_NAMES = ['ivan', 'olga', 'petr', 'anna', 'sergey', 'maria', 'dmitry', 'elena', 'alexey', 'natalia', 'pavel', 'irina'];
const LAST_NAMES = ['ivanov', 'smirnova', 'kuznetsov', 'popova', 'volkov', 'sokolova', 'lebedev', 'kozlova', 'novikov', 'morozova'];
const MAIL_DOMAINS = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'company.ru'];

/** One person's e-mail and 10-digit Russian mobile number, both unique to the customer number. */
function contactOf(n: number): { email: string; phone: string } {
  const email = `${FIRST_NAMES[n % FIRST_NAMES.length]}.${LAST_NAMES[(n >> 3) % LAST_NAMES.length]}${n}@${MAIL_DOMAINS[n % MAIL_DOMAINS.length]}`;
  return { email, phone: `9${String((n * 7919) % 900_000_000).padStart(9, '0')}` };
}

/**
 * How the same address and number are typed by different people and forms: case and stray spaces in
 * e-mails; +7, the trunk 8, bare 10 digits and punctuation in phones — the variants identity.ts folds.
 */
function typedEmail(r: Rand, email: string): string {
  const x = r();
  if (x < 0.15) return email.charAt(0).toUpperCase() + email.slice(1);
  if (x < 0.25) return ` ${email.toUpperCase()} `;
  return email;
}
function typedPhone(r: Rand, d: string): string {
  const [a, b, c, e] = [d.slice(0, 3), d.slice(3, 6), d.slice(6, 8), d.slice(8)];
  return pick(r, [`+7 (${a}) ${b}-${c}-${e}`, `8 ${a} ${b} ${c} ${e}`, `8${d}`, `+7${d}`, `${a} ${b}-${c}-${e}`, `+7-${a}-${b}-${c}${e}`]);
}
/** Share of won deals whose customer answered the NPS survey; partners' customers are the happiest. */
const NPS_RESPONSE_RATE = 0.45;
const LEAD_COUNT = 3200;
const YEAR_END = Date.UTC(2026, 11, 31);

function crmWorkbook(): SampleWorkbook {
  const r = prng(20260202);
  // Creation days spread over the year following seasonality, sorted as an export lists them.
  const weights = SEASON.map((s, m) => s * new Date(Date.UTC(2026, m + 1, 0)).getUTCDate());
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const created: number[] = [];
  for (let i = 0; i < LEAD_COUNT; i++) {
    let x = r() * totalWeight;
    let m = 0;
    while (x > weights[m] && m < 11) x -= weights[m++];
    const days = new Date(Date.UTC(2026, m + 1, 0)).getUTCDate();
    created.push(Date.UTC(2026, m, int(r, 1, days)));
  }
  created.sort((a, b) => a - b);

  const rows: SampleCell[][] = [[...CRM_HEADERS]];
  const formats: string[][] = [CRM_HEADERS.map(() => 'General')];
  const wonCustomers: string[] = [];
  let nextCustomer = 5001;
  // NPS answers draw from their own sequence, so adding them left every other figure of the sample as it was.
  const rn = prng(20260505);
  // So do the contact columns: a customer's first lead carries both e-mail and phone, a later one either or
  // both, so rows joined by normalised e-mail or phone are exactly the rows sharing an ID клиента.
  const rc = prng(20260606);
  for (let i = 0; i < LEAD_COUNT; i++) {
    const src = pickSource(r);
    const t = created[i];
    const campaign = pick(r, src.campaigns);
    let status: string;
    let amount: number | null = null;
    let closed: number | null = null;
    // A lead from a past customer (repeat purchase) keeps that customer's ID.
    const repeat = wonCustomers.length > 0 && r() < 0.12;
    const customer = repeat ? pick(r, wonCustomers) : `C-${nextCustomer++}`;
    if (!repeat && r() < src.spamRate) {
      status = SPAM;
      closed = t + int(r, 0, 2) * DAY;
    } else {
      // Leads from the last weeks of the year have not finished their way down the funnel yet.
      const ageDays = (YEAR_END - t) / DAY;
      const maturity = Math.min(1, ageDays / 60);
      let stage = 0;
      const boost = repeat ? 1.3 : src.quality;
      while (stage < ADVANCE.length && r() < Math.min(0.95, ADVANCE[stage] * boost * (0.6 + 0.4 * maturity))) stage++;
      const cycleDays = int(r, 5, 25) * (stage + 1);
      const closeTime = t + cycleDays * DAY;
      const decided = closeTime <= YEAR_END && r() < 0.35 + 0.6 * maturity;
      if (stage === ADVANCE.length && decided && r() < Math.min(0.9, WIN_FROM_PROPOSAL * boost)) {
        status = WON;
        amount = Math.round((src.dealSize * between(r, 0.4, 1.8)) / 100) * 100;
        closed = closeTime;
        if (!repeat) wonCustomers.push(customer);
      } else if (decided && stage < ADVANCE.length + 1 && r() < 0.7) {
        status = LOST;
        closed = closeTime;
        if (stage >= 3 && r() < 0.5) amount = Math.round((src.dealSize * between(r, 0.5, 1.5)) / 100) * 100;
      } else {
        status = CRM_PIPELINE[Math.min(stage, CRM_PIPELINE.length - 1)];
        if (stage >= 4) amount = Math.round((src.dealSize * between(r, 0.5, 1.5)) / 100) * 100;
      }
    }
    // CRM exports mix real numbers and text numbers in one column.
    const amountCell: SampleCell = amount === null ? null : r() < 0.3 ? rubText(amount) : amount;
    let nps: number | null = null;
    if (status === WON && rn() < NPS_RESPONSE_RATE) nps = Math.max(0, Math.min(10, Math.round(5 + 4 * src.quality + (rn() - 0.5) * 6)));
    const contact = contactOf(Number(customer.slice(2)));
    const shown = repeat ? rc() : 0;
    const email = shown < 0.75 ? typedEmail(rc, contact.email) : null;
    const phone = shown < 0.5 || shown >= 0.75 ? typedPhone(rc, contact.phone) : null;
    rows.push([
      10001 + i,
      isoDate(t),
      src.utm,
      campaign,
      status,
      amountCell,
      closed === null ? null : isoDate(closed),
      customer,
      nps,
      email,
      phone,
    ]);
    formats.push([...CRM_FORMATS]);
  }

  const costRows: SampleCell[][] = [['Месяц', 'Канал', 'Расход, ₽']];
  const costFormats: string[][] = [['General', 'General', 'General']];
  const rcost = prng(20260303);
  for (let m = 0; m < 12; m++) {
    for (const src of CRM_SOURCES) {
      costRows.push([isoDate(Date.UTC(2026, m, 1)), src.utm, round2(src.monthlySpend * SEASON[m] * between(rcost, 0.85, 1.15))]);
      costFormats.push(['yyyy-mm', 'General', '#,##0.00 ₽']);
    }
  }
  return {
    title: 'CRM leads and monthly costs (ru)',
    sheets: [
      { name: 'Лиды', rows, numberFormats: formats },
      { name: 'Расходы', rows: costRows, numberFormats: costFormats },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// (d) Small Chinese aggregated sheet: channel × month, CNY.

const ZH_CHANNELS = [
  { name: '百度', spend: 52000, cpm: 60, ctr: 0.014, lead: 0.025, win: 0.08, deal: 26000 },
  { name: '微信', spend: 18000, cpm: 45, ctr: 0.016, lead: 0.02, win: 0.07, deal: 22000 },
  { name: '抖音', spend: 36000, cpm: 30, ctr: 0.01, lead: 0.015, win: 0.04, deal: 15000 },
  { name: '小红书', spend: 12000, cpm: 50, ctr: 0.02, lead: 0.012, win: 0.05, deal: 12000 },
  { name: '知乎', spend: 8000, cpm: 40, ctr: 0.012, lead: 0.03, win: 0.09, deal: 30000 },
  { name: '自然搜索', spend: 0, cpm: 0, ctr: 0.03, lead: 0.02, win: 0.08, deal: 24000 },
];
const ZH_HEADERS = ['渠道', '月份', '花费', '展现量', '点击', '线索', '成交客户', '收入'];

function chineseWorkbook(): SampleWorkbook {
  const r = prng(20260404);
  const rows: SampleCell[][] = [[...ZH_HEADERS]];
  const formats: string[][] = [ZH_HEADERS.map(() => 'General')];
  for (let m = 0; m < 12; m++) {
    for (const ch of ZH_CHANNELS) {
      const spend = ch.spend === 0 ? 0 : round2(ch.spend * SEASON[m] * between(r, 0.85, 1.15));
      const impressions = ch.spend === 0 ? Math.round(between(r, 150000, 250000)) : Math.round((spend / ch.cpm) * 1000);
      const clicks = Math.round(impressions * ch.ctr * between(r, 0.85, 1.15));
      const leads = draw(r, clicks, ch.lead);
      const customers = draw(r, leads, ch.win);
      const revenue = round2(customers * ch.deal * between(r, 0.7, 1.3));
      rows.push([ch.name, isoDate(Date.UTC(2026, m, 1)), spend, impressions, clicks, leads, customers, revenue]);
      formats.push(['General', 'yyyy-mm', '¥#,##0.00', '#,##0', '#,##0', '#,##0', '#,##0', '¥#,##0.00']);
    }
  }
  return { title: 'Channel monthly report (zh)', sheets: [{ name: '渠道月报', rows, numberFormats: formats }] };
}

// ---------------------------------------------------------------------------------------------------

export const SAMPLE_WORKBOOKS: Readonly<Record<string, () => SampleWorkbook>> = {
  'ad-platform-export-en': adPlatformExport,
  'crm-leads-ru': crmWorkbook,
  'channel-monthly-zh': chineseWorkbook,
};

/** ASCII file names for the CSV copies (sheet names are Cyrillic/Chinese). */
const CSV_SLUGS: Readonly<Record<string, readonly string[]>> = {
  'ad-platform-export-en': ['ads-export'],
  'crm-leads-ru': ['leads', 'costs'],
  'channel-monthly-zh': ['channel-monthly'],
};

function csvField(v: SampleCell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\n\r]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function toCsv(sheet: SampleSheet): string {
  return sheet.rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Every file the generator writes: path relative to samples/ → content. */
export function generateSamples(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, make] of Object.entries(SAMPLE_WORKBOOKS)) {
    const wb = make();
    out.set(`${name}.json`, JSON.stringify(wb) + '\n');
    wb.sheets.forEach((sheet, i) => out.set(`csv/${name}--${CSV_SLUGS[name]?.[i] ?? String(i + 1)}.csv`, toCsv(sheet)));
  }
  return out;
}

export const SAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'samples');

function main(): void {
  for (const [rel, content] of generateSamples()) {
    const path = join(SAMPLES_DIR, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote samples/${rel} (${Buffer.byteLength(content)} bytes)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
