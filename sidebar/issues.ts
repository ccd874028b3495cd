/** The validation issue list: grouped by severity, localised, each with the metrics it blocks. */
import type { ValidationIssue } from '../src/api/contract.js';
import { isMessageKey } from '../src/core/i18n/index.js';
import { h } from './dom.js';
import type { Ui } from './ui.js';

const GROUPS = [
  { severity: 'error', key: 'review.errors' },
  { severity: 'warning', key: 'review.warnings' },
  { severity: 'info', key: 'review.infos' },
] as const;

export function renderIssues(ui: Ui, issues: readonly ValidationIssue[], okText: string | null): HTMLElement {
  const box = h('div', { className: 'issues' });
  if (issues.length === 0) {
    if (okText) box.appendChild(h('p', { className: 'ok' }, [okText]));
    return box;
  }
  for (const group of GROUPS) {
    const list = issues.filter((i) => i.severity === group.severity);
    if (list.length === 0) continue;
    box.appendChild(h('h3', { className: `sev sev-${group.severity}` }, [ui.tr(group.key)]));
    box.appendChild(
      h(
        'ul',
        { className: `issue-list sev-${group.severity}` },
        list.map((issue) =>
          h('li', { attrs: { 'data-code': issue.code } }, [
            ui.issue(issue),
            issue.metrics && issue.metrics.length > 0
              ? h('span', { className: 'metrics' }, [
                  ui.tr('review.metrics', { metrics: issue.metrics.map((m) => metricName(ui, m)).join(', ') }),
                ])
              : null,
          ]),
        ),
      ),
    );
  }
  return box;
}

/** A metric an issue affects: acronyms (ROMI, CAC) as they are, the named ones from the catalogue. */
function metricName(ui: Ui, metric: string): string {
  const key = `affects.${metric}`;
  return isMessageKey(key) ? ui.tr(key) : metric;
}
