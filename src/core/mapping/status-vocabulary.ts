/**
 * CRM status vocabulary: what a status value means (won, lost, junk, or a pipeline stage and how far along
 * it is). Covers Bitrix24 lead/deal stages, amoCRM statuses, HubSpot deal stages (labels and internal ids)
 * and common Chinese CRM wording. Data, checked in order: junk and lost come before won and stages because
 * "Unqualified", "Не реализовано" and "未成交" contain the words of their opposites.
 */
import { compactText, containsPhrase, normalizeHeader } from './normalize.js';

export type StatusKind = 'stage' | 'won' | 'lost' | 'junk';

export interface PipelineLevel {
  /** Stable stage id used in FunnelStage.id. 'leads' is the entry stage every lead reaches. */
  readonly id: string;
  /** Order along the pipeline; fractions fit HubSpot's order between generic steps. */
  readonly rank: number;
  readonly label: { readonly en: string; readonly ru: string; readonly zh: string };
}

export const PIPELINE_LEVELS: readonly PipelineLevel[] = [
  { id: 'leads', rank: 0, label: { en: 'Leads', ru: 'Лиды', zh: '线索' } },
  { id: 'contacted', rank: 1, label: { en: 'In progress', ru: 'В работе', zh: '跟进中' } },
  { id: 'appointment', rank: 1.5, label: { en: 'Appointment scheduled', ru: 'Назначен звонок', zh: '已预约' } },
  { id: 'qualified', rank: 2, label: { en: 'Qualified', ru: 'Квалифицирован', zh: '已确认' } },
  { id: 'sql', rank: 2.5, label: { en: 'SQL', ru: 'SQL', zh: 'SQL' } },
  { id: 'meeting', rank: 3, label: { en: 'Meeting', ru: 'Встреча', zh: '面谈' } },
  { id: 'presentation', rank: 3.5, label: { en: 'Presentation', ru: 'Презентация', zh: '演示' } },
  { id: 'proposal', rank: 4, label: { en: 'Proposal', ru: 'КП отправлено', zh: '报价' } },
  { id: 'negotiation', rank: 5, label: { en: 'Negotiation', ru: 'Переговоры', zh: '谈判' } },
  { id: 'contract', rank: 6, label: { en: 'Contract', ru: 'Договор', zh: '合同' } },
  { id: 'invoice', rank: 7, label: { en: 'Invoice', ru: 'Счёт выставлен', zh: '待付款' } },
];

export const WON_STAGE = { id: 'customers', label: { en: 'Customers', ru: 'Клиенты', zh: '成交客户' } } as const;

interface StatusPattern {
  readonly kind: StatusKind;
  /** For 'stage': a PIPELINE_LEVELS id. */
  readonly level?: string;
  readonly phrases: readonly string[];
}

const STATUS_PATTERNS: readonly StatusPattern[] = [
  {
    kind: 'junk',
    phrases: [
      'спам',
      'некачественный лид',
      'некачественный',
      'нецелевой',
      'нецелевая',
      'дубль',
      'дубликат',
      'ошибка',
      'тест',
      'junk',
      'spam',
      'duplicate',
      'unqualified',
      'disqualified',
      'invalid',
      'test',
      '无效',
      '垃圾',
      '重复',
      '无效线索',
      '空号',
    ],
  },
  {
    kind: 'lost',
    phrases: [
      'закрыто и не реализовано',
      'не реализовано',
      'сделка провалена',
      'провалена',
      'отказ',
      'отказался',
      'закрыто',
      'закрыта',
      'потерян',
      'проигран',
      'не купил',
      'closed lost',
      'closedlost',
      'lost',
      'rejected',
      'declined',
      'churned',
      'cancelled',
      'canceled',
      'closed no decision',
      'refunded',
      'fully refunded',
      'voided',
      'failed',
      'expired',
      'chargeback',
      'отменен',
      'отменена',
      'возврат',
      'возвращен',
      '输单',
      '丢单',
      '未成交',
      '失败',
      '流失',
      '已关闭',
      '放弃',
      '已退款',
      '交易关闭',
      '已取消',
    ],
  },
  {
    kind: 'won',
    phrases: [
      'успешно реализовано',
      'сделка успешна',
      'успешно',
      'реализовано',
      'оплачено',
      'оплачен',
      'продажа',
      'выиграна',
      'closed won',
      'closedwon',
      'won',
      'paid',
      'purchased',
      'customer',
      'converted',
      'succeeded',
      'completed',
      'partially refunded',
      'доставлен',
      'доставлено',
      'выполнен',
      'получен покупателем',
      '交易成功',
      '已完成',
      '已发货',
      '已收货',
      '成交',
      '赢单',
      '已成交',
      '签约',
      '已签约',
      '已付款',
      '回款',
    ],
  },
  {
    kind: 'stage',
    level: 'leads',
    phrases: [
      'новый',
      'новая',
      'новый лид',
      'новая заявка',
      'не обработан',
      'неразобранное',
      'первичный контакт',
      'new',
      'new lead',
      'open',
      'lead',
      'subscriber',
      'pending',
      'authorized',
      'awaiting',
      'processing',
      'ожидает оплаты',
      'ожидает сборки',
      'ожидает отгрузки',
      '待发货',
      '待付款确认',
      '新线索',
      '新建',
      '待跟进',
      '未跟进',
      '新',
    ],
  },
  {
    kind: 'stage',
    level: 'contacted',
    phrases: [
      'в работе',
      'взят в работу',
      'обработка',
      'контакт установлен',
      'связались',
      'contacted',
      'in progress',
      'working',
      'attempted to contact',
      'connected',
      '跟进中',
      '已联系',
      '初步沟通',
      '沟通中',
    ],
  },
  { kind: 'stage', level: 'appointment', phrases: ['appointmentscheduled', 'appointment scheduled', 'звонок назначен'] },
  {
    kind: 'stage',
    level: 'qualified',
    phrases: [
      'квалифицирован',
      'квалификация',
      'квалифицированный',
      'подтвержден',
      'qualified',
      'qualifiedtobuy',
      'qualified to buy',
      'mql',
      'marketing qualified lead',
      '已确认',
      '有效',
      '意向',
      '高意向',
      '合格',
    ],
  },
  { kind: 'stage', level: 'sql', phrases: ['sql', 'sales qualified lead', 'opportunity', '商机'] },
  {
    kind: 'stage',
    level: 'meeting',
    phrases: [
      'встреча',
      'встреча назначена',
      'встреча проведена',
      'демо',
      'meeting',
      'meeting scheduled',
      'meeting booked',
      'demo',
      'demo scheduled',
      '面谈',
      '拜访',
      '到访',
      '邀约',
    ],
  },
  { kind: 'stage', level: 'presentation', phrases: ['presentationscheduled', 'presentation scheduled', 'презентация'] },
  {
    kind: 'stage',
    level: 'proposal',
    phrases: [
      'кп отправлено',
      'кп',
      'коммерческое предложение',
      'подготовка документов',
      'предложение',
      'proposal',
      'proposal sent',
      'quote sent',
      'quote',
      '报价',
      '方案',
      '已报价',
    ],
  },
  {
    kind: 'stage',
    level: 'negotiation',
    phrases: [
      'переговоры',
      'согласование',
      'принимают решение',
      'принятие решения',
      'negotiation',
      'decisionmakerboughtin',
      'decision maker bought in',
      '谈判',
      '商务谈判',
    ],
  },
  {
    kind: 'stage',
    level: 'contract',
    phrases: ['договор', 'договор отправлен', 'подписание договора', 'contractsent', 'contract sent', 'contract', '合同', '签合同'],
  },
  {
    kind: 'stage',
    level: 'invoice',
    phrases: [
      'счет выставлен',
      'счет',
      'выставлен счет',
      'ожидание оплаты',
      'invoice sent',
      'invoice',
      'awaiting payment',
      '待付款',
      '待回款',
    ],
  },
];

interface PreparedPattern {
  readonly pattern: StatusPattern;
  readonly phrase: string;
  readonly compact: string;
}

let prepared: readonly PreparedPattern[] | null = null;

/** Normalised on first use, not at load (see normalizedSynonyms for why). */
function preparedPatterns(): readonly PreparedPattern[] {
  prepared ??= STATUS_PATTERNS.flatMap((pattern) =>
    pattern.phrases.map((p) => ({ pattern, phrase: normalizeHeader(p), compact: compactText(p) })),
  );
  return prepared;
}

/** For tests: whether the status vocabulary has been prepared in this module instance. */
export function statusVocabularyBuilt(): boolean {
  return prepared !== null;
}

export interface StatusMeaning {
  readonly kind: StatusKind;
  /** PIPELINE_LEVELS id for kind 'stage'; undefined when the status is not in the vocabulary. */
  readonly level?: string;
  readonly known: boolean;
}

/** What a status value means. Unknown text is a stage of unknown level (counted as a lead only). */
export function classifyStatus(status: string): StatusMeaning {
  const norm = normalizeHeader(status);
  const compact = compactText(status);
  if (norm === '') return { kind: 'stage', known: false };
  // Whole-value matches first (HubSpot ids like "closedwon" only match compactly), then phrases inside.
  for (const p of preparedPatterns()) {
    if (norm === p.phrase || (p.compact.length >= 4 && compact === p.compact)) return meaning(p.pattern);
  }
  // Inside a longer value the longest phrase wins: "Закрыто и не реализовано" holds "реализовано" (won)
  // but "не реализовано" (lost) is longer; on a tie the earlier pattern (junk, lost) wins.
  let best: PreparedPattern | undefined;
  for (const p of preparedPatterns()) {
    if (containsPhrase(norm, p.phrase) && (!best || p.phrase.length > best.phrase.length)) best = p;
  }
  return best ? meaning(best.pattern) : { kind: 'stage', known: false };
}

function meaning(p: StatusPattern): StatusMeaning {
  return p.level ? { kind: p.kind, level: p.level, known: true } : { kind: p.kind, known: true };
}

export function levelById(id: string): PipelineLevel | undefined {
  return PIPELINE_LEVELS.find((l) => l.id === id);
}
