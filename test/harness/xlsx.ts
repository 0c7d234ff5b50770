/**
 * Reads an .xlsx back as a spreadsheet program would: the first sheet's cells with their stored
 * type, and the text each shows (shared strings, numbers, and dates through their number format).
 * Enough of SpreadsheetML for what the export writes, unzipped with fflate; no spreadsheet library,
 * so the test does not share the writer's assumptions.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface XlsxCell {
  /** `A1`, `B2`, … */
  ref: string;
  /** The stored cell type: `s` a (shared) string, `n` a number or date, `b` a boolean. */
  type: 's' | 'n' | 'b' | 'str' | 'inlineStr';
  /** Set when the cell holds a formula (`<f>`): a spreadsheet would evaluate it. */
  formula?: string;
  /** The number format applied (`@` is text; a date format for times). */
  format?: string;
  /** What the cell shows. */
  shown: string;
}

export interface XlsxSheet {
  name: string;
  /** Rows in order, each cell in column order (empty cells left out). */
  rows: XlsxCell[][];
  /** Rows frozen at the top. */
  frozenRows: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, name: string) =>
    name.startsWith('#x')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (ENTITIES[name] ?? ''),
  );
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeXml(match[1] ?? '') : undefined;
}

/** Excel's serial day number (1900 system) of a wall-clock time, as a UTC Date. */
function serialToDate(serial: number): Date {
  const EPOCH_SERIAL = 25569; // 1970-01-01
  return new Date(Math.round((serial - EPOCH_SERIAL) * 86_400_000));
}

/** Renders a date with the format tokens the export uses: yyyy, mm, dd, hh, mm and "literals". */
function formatDate(date: Date, format: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  let afterHours = false;
  return format.replace(/yyyy|mm|dd|hh|"([^"]*)"/g, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    if (token === 'yyyy') return String(date.getUTCFullYear());
    if (token === 'dd') return two(date.getUTCDate());
    if (token === 'hh') {
      afterHours = true;
      return two(date.getUTCHours());
    }
    // `mm` is the month, or the minutes right after hours.
    return afterHours ? two(date.getUTCMinutes()) : two(date.getUTCMonth() + 1);
  });
}

const isDateFormat = (format: string | undefined): format is string =>
  format !== undefined && /yy|dd|hh/.test(format.replace(/"[^"]*"/g, ''));

export function readXlsx(bytes: Uint8Array): XlsxSheet {
  const files = unzipSync(bytes);
  const read = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`the workbook has no ${name}`);
    return strFromU8(file);
  };
  const shared = [
    ...(files['xl/sharedStrings.xml'] ? read('xl/sharedStrings.xml') : '').matchAll(/<si>([\s\S]*?)<\/si>/g),
  ].map(([, si]) =>
    [...(si ?? '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map(([, t]) => unescapeXml(t ?? '')).join(''),
  );
  const styles = read('xl/styles.xml');
  const formats = new Map<string, string>(
    [...styles.matchAll(/<numFmt\s[^>]*\/>/g)].map(([tag]) => [
      attribute(tag, 'numFmtId') ?? '',
      attribute(tag, 'formatCode') ?? '',
    ]),
  );
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const styleFormats = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map(([tag]) => {
    const id = attribute(tag, 'numFmtId');
    // Built-in 49 is text (`@`); the others the export writes are custom (≥ 164 or its own ids).
    return id === '49' ? '@' : id ? formats.get(id) : undefined;
  });

  const workbook = read('xl/workbook.xml');
  const name = attribute(/<sheet\s[^>]*>/.exec(workbook)?.[0] ?? '', 'name') ?? '';
  const sheet = read('xl/worksheets/sheet1.xml');
  const pane = /<pane\s[^>]*>/.exec(sheet)?.[0];
  const frozenRows =
    pane && attribute(pane, 'state') === 'frozen' ? Number(attribute(pane, 'ySplit') ?? 0) : 0;

  const rows = [...sheet.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)].map(([, row]) =>
    [...(row ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map(
      ([, attrs = '', inner = '']): XlsxCell => {
        const tag = `<c ${attrs}>`;
        const type = (attribute(tag, 't') ?? 'n') as XlsxCell['type'];
        const style = attribute(tag, 's');
        const format = style === undefined ? undefined : styleFormats[Number(style)];
        const formula = /<f>([\s\S]*?)<\/f>/.exec(inner)?.[1];
        const raw = unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? '');
        const shown =
          type === 's'
            ? (shared[Number(raw)] ?? '')
            : type === 'b'
              ? raw === '1'
                ? 'TRUE'
                : 'FALSE'
              : type === 'n' && raw !== '' && isDateFormat(format)
                ? formatDate(serialToDate(Number(raw)), format)
                : raw;
        return {
          ref: attribute(tag, 'r') ?? '',
          type,
          ...(formula !== undefined ? { formula: unescapeXml(formula) } : {}),
          ...(format !== undefined ? { format } : {}),
          shown,
        };
      },
    ),
  );
  return { name, rows, frozenRows };
}

/** The text of each row's cells by column letter, empty cells as ''. */
export function shownRows(sheet: XlsxSheet): string[][] {
  const width = Math.max(0, ...sheet.rows.flat().map((cell) => columnIndex(cell.ref) + 1));
  return sheet.rows.map((row) => {
    const out = Array.from({ length: width }, () => '');
    for (const cell of row) out[columnIndex(cell.ref)] = cell.shown;
    return out;
  });
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}
