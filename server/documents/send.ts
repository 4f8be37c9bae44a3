// A workbook as an HTTP answer: its media type, a file name to save it under, and no caching
// (the API's no-store stands: a statement is personal pay).
import type { Context } from 'hono';
import { attachment, XLSX_TYPE, type TallyWorkbook } from './workbook';

export const sendWorkbook = async (c: Context, book: TallyWorkbook, filename: string): Promise<Response> =>
  c.body((await book.bytes()) as Uint8Array<ArrayBuffer>, 200, { 'content-type': XLSX_TYPE, 'content-disposition': attachment(filename) });
