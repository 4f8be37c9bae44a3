// What every Tally workbook shares: money as numbers of the currency's major unit (the JSON's
// integer minor units divided exactly) shown in a currency number format, ratios as percentages,
// a redacted value as an empty cell (never 0), headings in the reader's language, and the answer
// that carries it (content type, a file name from the ids asked for, never cached).
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import type { Lang } from '../../core/incentives/calculate/describe';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How a column's values are written and shown. */
export type CellKind = 'text' | 'money' | 'ratio' | 'count' | 'date' | 'instant';

export interface Column<R> {
  readonly heading: Readonly<Record<Lang, string>>;
  /** per row where a column's unit follows the row (a KPI's figures: money for revenue, counts for orders) */
  readonly kind: CellKind | ((row: R) => CellKind);
  readonly value: (row: R) => string | number | boolean | null | undefined;
  readonly width?: number;
}

/** The currency's minor-unit digits (CNY 2, JPY 0) and its narrow symbol in the reader's language. */
export const currencyOf = (currency: string, lang: Lang) => {
  const nf = new Intl.NumberFormat(lang, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  const symbol = nf.formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
  const places = digits > 0 ? `.${'0'.repeat(digits)}` : '';
  // quoted, so a symbol such as CN¥ or US$ is shown as it is; negatives keep the sign before the symbol
  const numFmt = `"${symbol}"#,##0${places};-"${symbol}"#,##0${places}`;
  return { digits, numFmt };
};

/**
 * Integer minor units as a number of major units: the exact decimal quotient (Decimal) to the
 * nearest double, which is what a spreadsheet cell holds; 12345 fen → 123.45.
 */
export const majorUnits = (minor: number | string, digits: number): number => new Decimal(minor).div(new Decimal(10).pow(digits)).toNumber();

// up to four places of a percent: a rate of 0.0713 reads 7.13%, one of 0.03125 3.125%
const RATIO_FORMAT = '0.00##%';
const COUNT_FORMAT = '#,##0';

/** Excel shows about 31 characters of a sheet's name and refuses a few characters in it. */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);

export class TallyWorkbook {
  readonly book = new ExcelJS.Workbook();
  private readonly money: { digits: number; numFmt: string };

  constructor(
    readonly lang: Lang,
    currency: string,
  ) {
    this.money = currencyOf(currency, lang);
    this.book.creator = 'Tally';
  }

  /** A sheet of one table: a bold, frozen heading row, then one row per record. */
  table<R>(name: Readonly<Record<Lang, string>>, columns: readonly Column<R>[], rows: readonly R[]): ExcelJS.Worksheet {
    const sheet = this.book.addWorksheet(sheetName(name[this.lang]), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.heading[this.lang], width: c.width ?? (c.kind === 'text' ? 24 : 16) }));
    sheet.getRow(1).font = { bold: true };
    for (const r of rows) {
      const kinds = columns.map((c) => (typeof c.kind === 'function' ? c.kind(r) : c.kind));
      const row = sheet.addRow(columns.map((c, i) => this.cell(kinds[i], c.value(r))));
      kinds.forEach((kind, i) => {
        const fmt = this.formatOf(kind);
        if (fmt) row.getCell(i + 1).numFmt = fmt;
      });
    }
    return sheet;
  }

  /** A sheet of labelled values (what a document is of: period, team, as of …), one a row. */
  facts(name: Readonly<Record<Lang, string>>, facts: readonly (readonly [Readonly<Record<Lang, string>>, CellKind, string | number | null | undefined])[]): ExcelJS.Worksheet {
    const sheet = this.book.addWorksheet(sheetName(name[this.lang]));
    sheet.columns = [{ width: 28 }, { width: 48 }];
    for (const [label, kind, value] of facts) {
      const row = sheet.addRow([label[this.lang], this.cell(kind, value)]);
      row.getCell(1).font = { bold: true };
      const fmt = this.formatOf(kind);
      if (fmt) row.getCell(2).numFmt = fmt;
    }
    return sheet;
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.book.xlsx.writeBuffer());
  }

  private cell(kind: CellKind, v: string | number | boolean | null | undefined): ExcelJS.CellValue {
    if (v === null || v === undefined) return null; // redacted or not applicable: empty, never 0
    if (kind === 'money' && typeof v !== 'boolean') return majorUnits(v, this.money.digits);
    // rates and ratios are exact decimal strings in the JSON; a cell holds the nearest double
    if ((kind === 'ratio' || kind === 'count') && typeof v === 'string') return Number(v);
    return v;
  }

  private formatOf(kind: CellKind): string | undefined {
    return kind === 'money' ? this.money.numFmt : kind === 'ratio' ? RATIO_FORMAT : kind === 'count' ? COUNT_FORMAT : undefined;
  }
}

/** `Content-Disposition` for a file name made of ids (ASCII by their pattern), with its UTF-8 form too. */
export const attachment = (filename: string) => `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** A heading or value in both languages. */
export const words = (en: string, zh: string): Readonly<Record<Lang, string>> => ({ en, 'zh-CN': zh });
