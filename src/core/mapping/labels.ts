/** Role names as the sidebar shows them, per UI language. */
import type { UiLocale } from '../types.js';
import type { ColumnRole } from './types.js';

export const ROLE_LABELS: Readonly<Record<UiLocale, Readonly<Record<ColumnRole, string>>>> = {
  en: {
    date: 'Date', channel: 'Channel / source', campaign: 'Campaign', lead_id: 'Lead / deal ID', customer_id: 'Customer ID',
    status: 'Status / stage', spend: 'Spend', impressions: 'Impressions', clicks: 'Clicks', leads: 'Leads',
    stage: 'Funnel stage count', customers: 'Customers / deals won', orders: 'Orders', revenue: 'Revenue',
    gross_profit: 'Gross profit', nps: 'NPS score', close_date: 'Close date', ignore: 'Ignore',
  },
  ru: {
    date: 'Дата', channel: 'Канал / источник', campaign: 'Кампания', lead_id: 'ID лида / сделки', customer_id: 'ID клиента',
    status: 'Статус / стадия', spend: 'Расход', impressions: 'Показы', clicks: 'Клики', leads: 'Лиды',
    stage: 'Этап воронки (количество)', customers: 'Клиенты / успешные сделки', orders: 'Заказы', revenue: 'Выручка',
    gross_profit: 'Валовая прибыль', nps: 'Оценка NPS', close_date: 'Дата закрытия', ignore: 'Не использовать',
  },
  zh: {
    date: '日期', channel: '渠道 / 来源', campaign: '广告计划', lead_id: '线索 / 商机 ID', customer_id: '客户 ID',
    status: '状态 / 阶段', spend: '花费', impressions: '展现量', clicks: '点击', leads: '线索',
    stage: '漏斗阶段数量', customers: '成交客户', orders: '订单', revenue: '收入',
    gross_profit: '毛利', nps: 'NPS 得分', close_date: '成交日期', ignore: '忽略',
  },
};

export const DEFAULT_DASHBOARD_NAME: Readonly<Record<UiLocale, string>> = {
  en: 'FunnelROI dashboard',
  ru: 'Дашборд FunnelROI',
  zh: 'FunnelROI 仪表板',
};
