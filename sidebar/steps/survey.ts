/**
 * Step 1, CRM sheets only: the NPS survey on its own sheet (mapping.survey). The user picks the sheet; its
 * customer-identifier, score and answer-date columns are proposed from the column guesser and can be
 * changed. Headers and sheet names are the user's text and go into the page as text only (dom.ts).
 */
import type { SheetSummary } from '../../src/api/contract.js';
import { columnLetters } from '../../src/core/a1.js';
import type { MessageKey } from '../../src/core/i18n/index.js';
import { h, uid } from '../dom.js';
import { clip } from '../format.js';
import type { SurveyField, SurveyState } from '../model.js';
import type { Ui } from '../ui.js';

const LABELS: Readonly<Record<SurveyField, MessageKey>> = {
  idColumn: 'data.surveyId',
  scoreColumn: 'data.surveyScore',
  dateColumn: 'data.surveyDate',
};

function columnSelect(ui: Ui, survey: SurveyState, field: SurveyField): HTMLElement {
  const id = uid(field);
  const table = survey.detection.table;
  const select = h(
    'select',
    {
      id,
      attrs: { 'data-survey': field },
      on: {
        change: () => {
          survey[field] = select.value === '' ? null : Number(select.value);
          ui.mappingChanged();
        },
      },
    },
    [
      h('option', { value: '', selected: survey[field] === null }, [ui.tr('common.none')]),
      ...survey.detection.columns.map((c) =>
        h('option', { value: String(c.index), selected: survey[field] === c.index }, [
          `${columnLetters(table.firstColumn + c.index)} · ${clip(c.header, 40)}`,
        ]),
      ),
    ],
  );
  return h('div', { className: 'field' }, [h('label', { attrs: { for: id } }, [ui.tr(LABELS[field])]), select]);
}

/** The survey picker; `others` are the sheets it may be (not the leads or costs sheet, not a dashboard). */
export function surveyPicker(ui: Ui, others: readonly SheetSummary[]): HTMLElement {
  const survey = ui.state.survey;
  const id = uid('survey');
  const select = h('select', { id, on: { change: () => void ui.detectSurvey(select.value === '' ? null : select.value) } }, [
    h('option', { value: '', selected: survey === null }, [ui.tr('common.none')]),
    ...others.map((s) => h('option', { value: s.name, selected: s.name === survey?.sheetName }, [s.name])),
  ]);
  return h('fieldset', { className: 'survey' }, [
    h('legend', {}, [ui.tr('data.survey')]),
    h('div', { className: 'field' }, [h('label', { attrs: { for: id } }, [ui.tr('data.surveySheet')]), select]),
    h('p', { className: 'hint' }, [ui.tr('data.surveyHint')]),
    ...(survey ? (['idColumn', 'scoreColumn', 'dateColumn'] as const).map((f) => columnSelect(ui, survey, f)) : []),
  ]);
}
