/**
 * Draws a recorded embedded chart with Apache ECharts (SVG renderer) the way Sheets shows it: title,
 * value axis with its format and title, gridlines, category labels, named series in a legend, data labels
 * when the chart asks for them, log scale or a clipped axis. Text comes from the sheet and goes into
 * ECharts as data, never as HTML.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { formatChartValue } from './chart-format.js';
import type { ChartView } from './view-types.js';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/** Sheets' default palette, so local charts read like the real ones. */
const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];

export function renderChart(container: HTMLElement, chart: ChartView, localeTag: string): void {
  const instance = echarts.init(container, null, { renderer: 'svg', width: chart.width, height: chart.height, locale: 'EN' });
  instance.setOption(chartOptions(chart, localeTag));
}

/** Frees the charts drawn inside `root` before their containers are thrown away (each grid reload). */
export function disposeCharts(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('figure.chart').forEach((figure) => echarts.getInstanceByDom(figure)?.dispose());
}

export function chartOptions(chart: ChartView, localeTag: string): echarts.EChartsCoreOption {
  const type = chart.type.toUpperCase();
  const fmt = (v: unknown): string => (typeof v === 'number' ? formatChartValue(v, chart.valueAxis.format, localeTag) : String(v ?? ''));
  const legend = chart.legend && chart.series.length > 0 ? legendOption(chart.legendPosition) : { show: false };
  const title = { text: chart.title, left: 'center', top: 6, textStyle: { fontSize: 14, fontWeight: 500, color: '#202124' } };
  const colors = chart.series.map((_, i) => chart.colors[i] ?? PALETTE[i % PALETTE.length]);
  if (type === 'PIE') {
    const s = chart.series[0];
    return {
      title,
      color: PALETTE,
      legend,
      tooltip: { trigger: 'item' },
      series: s
        ? [
            {
              type: 'pie',
              name: s.name,
              radius: '60%',
              data: chart.categories.map((c, i) => ({ name: c, value: s.values[i] ?? 0 })),
              label: { formatter: '{b}: {d}%' },
            },
          ]
        : [],
    };
  }
  const horizontal = type === 'BAR';
  const valueAxis = {
    type: chart.valueAxis.logScale ? 'log' : 'value',
    name: chart.valueAxis.title,
    nameGap: horizontal ? 26 : 14,
    // A vertical value axis carries its title above the labels, where it never collides with them.
    nameLocation: horizontal ? 'middle' : 'end',
    nameTextStyle: { color: '#5f6368', align: horizontal ? 'center' : 'left' },
    min: chart.valueAxis.min,
    max: chart.valueAxis.max,
    axisLabel: { formatter: fmt, hideOverlap: true, color: '#5f6368' },
    splitLine: { show: true, lineStyle: { color: '#e0e0e0' } },
  };
  const categoryAxis = {
    type: 'category',
    data: [...chart.categories],
    name: chart.domainAxisTitle,
    // Channel/stage title above the bar labels (horizontal) or under the category labels (columns).
    nameLocation: horizontal ? 'start' : 'middle',
    nameGap: horizontal ? 8 : 28,
    nameTextStyle: { color: '#5f6368', align: horizontal ? 'right' : 'center' },
    // Bars listed top-down in sheet order, as Sheets draws them.
    inverse: horizontal,
    axisLabel: {
      color: '#3c4043',
      width: horizontal ? 110 : 80,
      overflow: 'truncate',
      interval: 0,
      rotate: !horizontal && chart.categories.length > 6 ? 30 : 0,
    },
    axisTick: { alignWithLabel: true },
  };
  const bottomLegend = legend.show !== false && chart.legendPosition === 'bottom';
  return {
    title,
    color: colors,
    legend,
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    // outerBounds keep axis labels and axis titles inside the chart box, clear of the legend.
    grid: {
      left: 16,
      right: 24,
      top: 48 + (chart.legendPosition === 'top' ? 24 : 0),
      bottom: bottomLegend ? 36 : 12,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: chart.series.map((s) => ({
      type: type === 'LINE' || type === 'AREA' ? 'line' : 'bar',
      name: s.name,
      data: s.values.map((v) => (v === null || (chart.valueAxis.logScale && v <= 0) ? null : v)),
      ...(type === 'AREA' ? { areaStyle: {} } : {}),
      label: {
        show: chart.dataLabels,
        position: horizontal ? 'right' : 'top',
        formatter: (p: { value: unknown }) => fmt(p.value),
        fontSize: 10,
        color: '#3c4043',
      },
      barMaxWidth: 28,
    })),
  };
}

function legendOption(position: ChartView['legendPosition']): Record<string, unknown> {
  if (position === 'top') return { top: 28 };
  if (position === 'left') return { left: 0, top: 'middle', orient: 'vertical' };
  if (position === 'right') return { right: 0, top: 'middle', orient: 'vertical' };
  return { bottom: 4 };
}
