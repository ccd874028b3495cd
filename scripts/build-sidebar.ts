/**
 * Builds sidebar/ into one self-contained HTML file: the script and styles are inlined, because
 * HtmlService serves a single file and the add-on loads nothing from a CDN.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Inline script text must not end its own <script> element. */
function inlineSafe(js: string): string {
  return js.replace(/<\/(script)/giu, '<\\/$1').replace(/<!--/gu, '<\\!--');
}

export async function buildSidebarHtml(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'sidebar/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    loader: { '.css': 'text' },
  });
  const js = result.outputFiles[0].text;
  const template = readFileSync(join(root, 'sidebar/index.html'), 'utf8');
  const css = readFileSync(join(root, 'sidebar/styles.css'), 'utf8');
  if (!template.includes('/*INLINE_CSS*/') || !template.includes('/*INLINE_JS*/')) {
    throw new Error('sidebar/index.html must contain /*INLINE_CSS*/ and /*INLINE_JS*/ placeholders');
  }
  return template.replace('/*INLINE_CSS*/', () => css.replace(/<\/style/giu, '<\\/style')).replace('/*INLINE_JS*/', () => inlineSafe(js));
}
