/**
 * Wording shown wherever a statement or a source appears (pages, preview cards, data),
 * in one place so that every page says it the same way.
 */
import { formatDate } from './dates';
import type { Source, Statement } from './schema';
import { t } from '../i18n';

/**
 * @returns the statement's date, e.g. "17 January 2024", or "reported 17 January 2024"
 *   when the source gives only the day it reported the statement
 */
export function formatStatementDate(statement: Pick<Statement, 'date' | 'dateReported'>): string {
  const date = formatDate(statement.date);
  return statement.dateReported ? t('statement.reported', { date }) : date;
}

/** @returns how a source is named in short: its outlet, or its title when it has none */
export function getSourceLabel(source: Pick<Source, 'outlet' | 'title'>): string {
  return source.outlet ?? source.title;
}
