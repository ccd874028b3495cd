/**
 * CSV as exports write it: RFC 4180 quoting (quotes doubled, newlines inside quotes), `,` `;` or tab
 * delimiter sniffed from the first lines (Russian Excel writes `;`), UTF-8 with or without BOM.
 */
export type Delimiter = ',' | ';' | '\t';

export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 10_000);
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < sample.length && lines < 10; i++) {
    const ch = sample[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
    else if (!quoted && ch === '\n') lines++;
  }
  // Ties go to ';' before ',': `1,5` decimal commas inflate the comma count in ;-files.
  return counts['\t'] > 0 && counts['\t'] >= counts[';'] && counts['\t'] >= counts[','] ? '\t' : counts[';'] >= counts[','] && counts[';'] > 0 ? ';' : ',';
}

export function parseCsv(input: string, delimiter: Delimiter = sniffDelimiter(input.replace(/^\uFEFF/u, ''))): string[][] {
  const text = input.replace(/^\uFEFF/u, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed (missing ").');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
