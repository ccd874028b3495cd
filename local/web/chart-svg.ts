/**
 * Draws a recorded embedded-chart spec as SVG, so a generated dashboard's charts can be looked at
 * locally. Deliberately simple: bars/columns/lines/pie from the chart's source ranges, labels as text.
 */
import type { ChartView } from './view-types.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 420;
const HEIGHT = 240;
const PAD = { top: 26, right: 12, bottom: 44, left: 110 };
const COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];

function node<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

function shorten(label: string, max = 16): string {
  return label.length > max ? label.slice(0, max - 1) + '…' : label;
}

function extent(chart: ChartView): [number, number] {
  let min = 0;
  let max = 0;
  for (const s of chart.series) for (const v of s.values) if (v !== null) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return max === min ? [min, min + 1] : [min, max];
}

export function renderChart(chart: ChartView): SVGSVGElement {
  const svg = node('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: 'img' });
  svg.append(node('title', {}, chart.title));
  const type = chart.type.toUpperCase();
  if (type === 'PIE') drawPie(svg, chart);
  else if (type === 'BAR') drawBars(svg, chart, true);
  else if (type === 'LINE' || type === 'AREA') drawLines(svg, chart);
  else drawBars(svg, chart, false);
  drawLegend(svg, chart);
  return svg;
}

/** Above the plot, so slanted category labels below it never collide with it. */
function drawLegend(svg: SVGSVGElement, chart: ChartView): void {
  if (!chart.legend) return;
  chart.series.forEach((s, i) => {
    const x = PAD.left + i * 110;
    svg.append(node('rect', { x, y: 4, width: 10, height: 10, fill: COLORS[i % COLORS.length] }));
    svg.append(node('text', { x: x + 14, y: 13, 'font-size': 10 }, shorten(s.name, 14)));
  });
}

function drawBars(svg: SVGSVGElement, chart: ChartView, horizontal: boolean): void {
  const [min, max] = extent(chart);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const n = Math.max(chart.categories.length, 1);
  const k = Math.max(chart.series.length, 1);
  const band = (horizontal ? plotH : plotW) / n;
  const scale = (v: number): number => ((v - min) / (max - min)) * (horizontal ? plotW : plotH);
  const zero = scale(0);
  chart.categories.forEach((cat, i) => {
    chart.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const size = band * 0.8 / k;
      const offset = i * band + band * 0.1 + j * size;
      const a = Math.min(scale(v), zero);
      const len = Math.abs(scale(v) - zero);
      const rect = horizontal
        ? node('rect', { x: PAD.left + a, y: PAD.top + offset, width: Math.max(len, 0.5), height: size, fill: COLORS[j % COLORS.length] })
        : node('rect', { x: PAD.left + offset, y: PAD.top + plotH - a - len, width: size, height: Math.max(len, 0.5), fill: COLORS[j % COLORS.length] });
      rect.append(node('title', {}, `${cat}: ${s.name} = ${v}`));
      svg.append(rect);
    });
    const label = shorten(cat);
    svg.append(
      horizontal
        ? node('text', { x: PAD.left - 4, y: PAD.top + i * band + band / 2 + 3, 'text-anchor': 'end', 'font-size': 10 }, label)
        : columnLabel(PAD.left + i * band + band / 2, PAD.top + plotH + 12, cat, n),
    );
  });
  svg.append(
    horizontal
      ? node('line', { x1: PAD.left + zero, x2: PAD.left + zero, y1: PAD.top, y2: PAD.top + plotH, stroke: '#999' })
      : node('line', { x1: PAD.left, x2: PAD.left + plotW, y1: PAD.top + plotH - zero, y2: PAD.top + plotH - zero, stroke: '#999' }),
  );
}

/** Category labels under columns; slanted when there are too many to fit side by side. */
function columnLabel(x: number, y: number, text: string, count: number): SVGTextElement {
  if (count <= 6) return node('text', { x, y, 'text-anchor': 'middle', 'font-size': 9 }, shorten(text, 9));
  return node('text', { x, y: y - 4, 'text-anchor': 'end', 'font-size': 9, transform: `rotate(-35 ${x} ${y - 4})` }, shorten(text, 12));
}

function drawLines(svg: SVGSVGElement, chart: ChartView): void {
  const [min, max] = extent(chart);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const n = Math.max(chart.categories.length - 1, 1);
  const x = (i: number): number => PAD.left + (i / n) * plotW;
  const y = (v: number): number => PAD.top + plotH - ((v - min) / (max - min)) * plotH;
  chart.series.forEach((s, j) => {
    const points = s.values.flatMap((v, i) => (v === null ? [] : [`${x(i)},${y(v)}`]));
    svg.append(node('polyline', { points: points.join(' '), fill: 'none', stroke: COLORS[j % COLORS.length], 'stroke-width': 2 }));
  });
  chart.categories.forEach((cat, i) => {
    if (chart.categories.length <= 12 || i % Math.ceil(chart.categories.length / 12) === 0) {
      svg.append(columnLabel(x(i), PAD.top + plotH + 12, cat, Math.min(chart.categories.length, 12)));
    }
  });
  svg.append(node('line', { x1: PAD.left, x2: PAD.left + plotW, y1: y(0), y2: y(0), stroke: '#999' }));
}

function drawPie(svg: SVGSVGElement, chart: ChartView): void {
  const values = (chart.series[0]?.values ?? []).map((v) => Math.max(v ?? 0, 0));
  const total = values.reduce((a, b) => a + b, 0) || 1;
  const cx = WIDTH / 2;
  const cy = (HEIGHT - 20) / 2;
  const r = Math.min(cx, cy) - 10;
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    const next = angle + (v / total) * Math.PI * 2;
    const large = next - angle > Math.PI ? 1 : 0;
    const d = `M${cx},${cy} L${cx + r * Math.cos(angle)},${cy + r * Math.sin(angle)} A${r},${r} 0 ${large} 1 ${cx + r * Math.cos(next)},${cy + r * Math.sin(next)} Z`;
    const path = node('path', { d, fill: COLORS[i % COLORS.length] });
    path.append(node('title', {}, `${chart.categories[i] ?? ''}: ${v}`));
    svg.append(path);
    angle = next;
  });
}
