/**
 * Findings: a few plain sentences computed from the data, as i18n keys with parameters (rendered in the
 * user's language by core/i18n/metrics.ts). Each one is a fact a CMO can check in the tables below it.
 */
import { normalizeName } from '../aggregate/cells.js';
import type { AggregatedData, Figures } from '../aggregate/types.js';
import { RECENT_FULL_PERIODS, type AttributionModel } from '../definitions/index.js';
import type { ModelComparison } from './credits.js';

export type FindingKey =
  'finding.losing' | 'finding.losingRecent' | 'finding.allProfitable' | 'finding.cacRange' | 'finding.modelFlip' | 'finding.incomplete';

export interface Finding {
  readonly key: FindingKey;
  readonly params: Readonly<Record<string, string | number>>;
  /** finding.modelFlip: the models under which the channel makes and loses money (named in the user's language). */
  readonly models?: { readonly profitable: readonly AttributionModel[]; readonly losing: readonly AttributionModel[] };
}

const profitOf = (f: Figures, margin: number, withProfitColumn: boolean): number =>
  (withProfitColumn ? f.measures.gross_profit : f.measures.revenue * margin) - f.measures.spend;

interface ChannelFigures {
  readonly channel: string;
  readonly total: Figures;
  readonly byPeriod: readonly Figures[];
}

/** Campaign rows folded into their channel. */
function byChannel(data: AggregatedData): ChannelFigures[] {
  const out = new Map<string, { channel: string; rows: Figures[]; periods: Figures[][] }>();
  for (const r of data.rows) {
    const k = normalizeName(r.channel);
    const e = out.get(k) ?? { channel: r.channel, rows: [], periods: data.periods.map(() => []) };
    out.set(k, e);
    e.rows.push(r.total);
    r.byPeriod.forEach((f, i) => e.periods[i].push(f));
  }
  const sum = (fs: readonly Figures[]): Figures => {
    const measures = { ...fs[0].measures };
    for (const f of fs.slice(1)) for (const m of Object.keys(measures) as (keyof typeof measures)[]) measures[m] += f.measures[m];
    return { measures, stages: [], junk: 0 };
  };
  return [...out.values()].map((e) => ({ channel: e.channel, total: sum(e.rows), byPeriod: e.periods.map(sum) }));
}

export function findings(
  data: AggregatedData,
  margin: number,
  comparison: ModelComparison | null,
  money: (x: number) => string,
): Finding[] {
  const out: Finding[] = [];
  const withProfit = data.measures.includes('gross_profit');
  const canJudge = data.measures.includes('spend') && (data.measures.includes('revenue') || withProfit);
  const channels = byChannel(data);
  if (data.incompletePeriod !== null)
    out.push({ key: 'finding.incomplete', params: { period: data.incompletePeriod, asOf: data.asOf ?? '' } });
  if (canJudge) {
    const losing = channels
      .filter((c) => c.total.measures.spend > 0 && profitOf(c.total, margin, withProfit) < 0)
      .sort((a, b) => profitOf(a.total, margin, withProfit) - profitOf(b.total, margin, withProfit));
    if (losing.length > 0) {
      const loss = losing.reduce((s, c) => s + profitOf(c.total, margin, withProfit), 0);
      out.push({
        key: 'finding.losing',
        params: { channels: losing.map((c) => c.channel).join(', '), count: losing.length, loss: money(-loss) },
      });
    } else if (channels.some((c) => c.total.measures.spend > 0)) out.push({ key: 'finding.allProfitable', params: {} });
    // The last full periods: every period but an incomplete last one.
    const full = data.periods.map((p, i) => ({ p, i })).filter(({ p }) => p !== data.incompletePeriod && p !== 'all');
    const recent = full.slice(-RECENT_FULL_PERIODS);
    if (recent.length === RECENT_FULL_PERIODS) {
      const recentLosing = channels.filter((c) =>
        recent.every(({ i }) => c.byPeriod[i].measures.spend > 0 && profitOf(c.byPeriod[i], margin, withProfit) < 0),
      );
      if (recentLosing.length > 0) {
        out.push({
          key: 'finding.losingRecent',
          params: {
            channels: recentLosing.map((c) => c.channel).join(', '),
            periods: recent.map((r) => r.p).join(', '),
            count: recent.length,
          },
        });
      }
    }
  }
  const cac = channels
    .filter((c) => c.total.measures.spend > 0 && c.total.measures.customers > 0)
    .map((c) => ({ channel: c.channel, cac: c.total.measures.spend / c.total.measures.customers }))
    .sort((a, b) => a.cac - b.cac);
  if (cac.length >= 2) {
    const lo = cac[0];
    const hi = cac[cac.length - 1];
    out.push({
      key: 'finding.cacRange',
      params: {
        cheap: lo.channel,
        cheapCac: money(lo.cac),
        dear: hi.channel,
        dearCac: money(hi.cac),
        times: Math.round((hi.cac / lo.cac) * 10) / 10,
      },
    });
  }
  if (comparison && canJudge) {
    for (const k of comparison.channels) {
      const pos: AttributionModel[] = [];
      const neg: AttributionModel[] = [];
      for (const m of comparison.models) {
        const r = comparison.rows[m].get(k);
        if (!r || r.romi === null) continue;
        (r.profit >= 0 ? pos : neg).push(m);
      }
      if (pos.length > 0 && neg.length > 0) {
        const channel = comparison.rows.last_touch.get(k)?.channel ?? k;
        out.push({ key: 'finding.modelFlip', params: { channel }, models: { profitable: pos, losing: neg } });
      }
    }
  }
  return out;
}
