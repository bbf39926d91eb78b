/**
 * The CSV downloads open safely in a spreadsheet: no cell of either file starts with
 * a character that would make Excel, LibreOffice or Google Sheets run it as a formula.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

for (const file of ['events.csv', 'statements.csv']) {
  test(`no cell of ${file} would run as a spreadsheet formula`, async ({ request }) => {
    const rows = parseCsv(await (await request.get(`/data/${file}`)).text()) as string[][];
    expect(rows.length).toBeGreaterThan(1);
    const formulas = rows.flatMap((row, line) => row.filter((cell) => FORMULA_START.test(cell) && !NUMBER.test(cell)).map((cell) => `line ${line + 1}: ${cell}`));
    expect(formulas).toEqual([]);
  });
}
