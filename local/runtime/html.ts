/** HtmlService: sidebar HTML read from the built dist/ files, as Apps Script serves the project's files. */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CallCounter } from './calls.js';
import { counted } from './calls.js';

export class HtmlOutputImpl {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;

  constructor(private content: string) {}

  setTitle(title: string): HtmlOutputImpl {
    this.title = String(title);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): HtmlOutputImpl {
    this.width = width;
    return this;
  }
  getWidth(): number | null {
    return this.width;
  }
  setHeight(height: number): HtmlOutputImpl {
    this.height = height;
    return this;
  }
  getHeight(): number | null {
    return this.height;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutputImpl {
    this.content = String(content);
    return this;
  }
  append(html: string): HtmlOutputImpl {
    this.content += String(html);
    return this;
  }
  // Sandbox and framing options only matter in a real browser frame: accepted and ignored.
  setSandboxMode(): HtmlOutputImpl {
    return this;
  }
  setXFrameOptionsMode(): HtmlOutputImpl {
    return this;
  }
  addMetaTag(): HtmlOutputImpl {
    return this;
  }
}

export class HtmlServiceImpl {
  readonly SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });
  readonly XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });

  constructor(
    private readonly htmlDir: string,
    private readonly calls: CallCounter,
  ) {}

  createHtmlOutputFromFile(name: string): HtmlOutputImpl {
    const file = join(this.htmlDir, `${String(name).replace(/\.html$/u, '')}.html`);
    // Apps Script names the missing file; keep the same shape of message.
    if (!/^[\w.-]+$/u.test(String(name)) || !existsSync(file)) throw new Error(`No HTML file named ${String(name)} was found.`);
    return this.wrap(new HtmlOutputImpl(readFileSync(file, 'utf8')));
  }

  createHtmlOutput(html?: string): HtmlOutputImpl {
    return this.wrap(new HtmlOutputImpl(html === undefined ? '' : String(html)));
  }

  private wrap(output: HtmlOutputImpl): HtmlOutputImpl {
    return counted(output, 'HtmlOutput', this.calls);
  }
}
