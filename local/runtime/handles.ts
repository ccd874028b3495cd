/**
 * The handle table: the one place that makes the Apps Script objects of one document and recognises
 * them when scripts hand them back. Every *Impl reaches its neighbours through `doc.handles` and imports
 * their classes as types only, so the object model (spreadsheet ↔ sheet ↔ range ↔ charts, rules and
 * metadata) has no import cycle: this module sits above all of them.
 */
import { counted, unwrap } from './calls.js';
import type { ChartState } from './charts.js';
import { EmbeddedChartBuilderImpl, EmbeddedChartImpl } from './charts-api.js';
import type { ConditionalRuleState } from './conditional-format.js';
import { ConditionalFormatRuleBuilderImpl, ConditionalFormatRuleImpl } from './conditional-format-api.js';
import type { MetadataState } from './developer-metadata.js';
import { DeveloperMetadataFinderImpl, DeveloperMetadataImpl } from './developer-metadata-api.js';
import type { Document, SheetState } from './document.js';
import { RangeImpl } from './range.js';
import { RangeListImpl } from './range-list.js';
import { SheetImpl } from './sheet.js';
import { SpreadsheetImpl } from './spreadsheet.js';

export class Handles {
  private spreadsheetHandle: SpreadsheetImpl | null = null;
  private readonly sheetHandles = new WeakMap<SheetState, SheetImpl>();

  constructor(private readonly doc: Document) {}

  /** The one Spreadsheet object per document. */
  spreadsheet(): SpreadsheetImpl {
    this.spreadsheetHandle ??= counted(new SpreadsheetImpl(this.doc), 'Spreadsheet', this.doc.calls);
    return this.spreadsheetHandle;
  }

  /** The one Sheet object per tab (stable identity, like comparing sheet ids). */
  sheet(state: SheetState): SheetImpl {
    let sheet = this.sheetHandles.get(state);
    if (!sheet) {
      sheet = counted(new SheetImpl(this.doc, state), 'Sheet', this.doc.calls);
      this.sheetHandles.set(state, sheet);
    }
    return sheet;
  }

  range(sheet: SheetState, row: number, column: number, numRows: number, numColumns: number): RangeImpl {
    return counted(new RangeImpl(this.doc, sheet, row, column, numRows, numColumns), 'Range', this.doc.calls);
  }

  rangeList(ranges: readonly RangeImpl[]): RangeListImpl {
    return counted(new RangeListImpl(this.doc, ranges), 'RangeList', this.doc.calls);
  }

  chartBuilder(sheet: SheetState, from?: ChartState): EmbeddedChartBuilderImpl {
    return counted(new EmbeddedChartBuilderImpl(this.doc, sheet, from), 'EmbeddedChartBuilder', this.doc.calls);
  }

  chart(state: ChartState): EmbeddedChartImpl {
    return counted(new EmbeddedChartImpl(this.doc, state), 'EmbeddedChart', this.doc.calls);
  }

  ruleBuilder(from?: ConditionalRuleState): ConditionalFormatRuleBuilderImpl {
    return counted(new ConditionalFormatRuleBuilderImpl(this.doc, from), 'ConditionalFormatRuleBuilder', this.doc.calls);
  }

  rule(state: ConditionalRuleState): ConditionalFormatRuleImpl {
    return counted(new ConditionalFormatRuleImpl(this.doc, state), 'ConditionalFormatRule', this.doc.calls);
  }

  metadata(state: MetadataState): DeveloperMetadataImpl {
    return counted(new DeveloperMetadataImpl(this.doc, state), 'DeveloperMetadata', this.doc.calls);
  }

  /** `sheetId` null: the spreadsheet's own metadata. */
  metadataFinder(sheetId: number | null): DeveloperMetadataFinderImpl {
    return counted(new DeveloperMetadataFinderImpl(this.doc, sheetId), 'DeveloperMetadataFinder', this.doc.calls);
  }

  // What a script passed back, if it is one of ours (proxies unwrapped); null otherwise.
  asRange(value: unknown): RangeImpl | null {
    const raw = unwrap(value);
    return raw instanceof RangeImpl ? raw : null;
  }
  asSheet(value: unknown): SheetImpl | null {
    const raw = unwrap(value);
    return raw instanceof SheetImpl ? raw : null;
  }
  asChart(value: unknown): EmbeddedChartImpl | null {
    const raw = unwrap(value);
    return raw instanceof EmbeddedChartImpl ? raw : null;
  }
  asRule(value: unknown): ConditionalFormatRuleImpl | null {
    const raw = unwrap(value);
    return raw instanceof ConditionalFormatRuleImpl ? raw : null;
  }
}
