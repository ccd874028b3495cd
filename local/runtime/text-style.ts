/**
 * SpreadsheetApp.newTextStyle() and the TextStyle it builds: bold and foreground colour, the two text
 * attributes the dashboard sets. Range.setTextStyles takes a matrix of them, so weights and colours of a
 * whole range go in one call instead of setFontWeights + setFontColors.
 */
import { unwrap } from './calls.js';

export class TextStyleImpl {
  constructor(
    readonly _bold: boolean | null,
    readonly _color: string | null,
  ) {}
  isBold(): boolean | null {
    return this._bold;
  }
  getForegroundColor(): string | null {
    return this._color;
  }
}

export class TextStyleBuilderImpl {
  private bold: boolean | null = null;
  private color: string | null = null;
  setBold(bold: boolean): TextStyleBuilderImpl {
    this.bold = bold === true;
    return this;
  }
  setForegroundColor(color: string): TextStyleBuilderImpl {
    if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/iu.test(color)) throw new Error(`Invalid argument: ${String(color)}`);
    this.color = color;
    return this;
  }
  build(): TextStyleImpl {
    return new TextStyleImpl(this.bold, this.color);
  }
}

/** A TextStyle the script passed back (proxy unwrapped), or null when it is something else. */
export function asTextStyle(value: unknown): TextStyleImpl | null {
  const raw = unwrap(value);
  return raw instanceof TextStyleImpl ? raw : null;
}
