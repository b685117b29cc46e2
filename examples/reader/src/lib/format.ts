// Dates and figures as the paper prints them. Dates stay strings (LocalDate is YYYY-MM-DD on the wire):
// no Date object, so no time zone can move a day.
import type { FactQualifier } from '../gql/graphql';
import { qualifierAffixes, unitLabels } from './labels';

/** 2021-07-29 → 2021年7月29日. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '日期不详';
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** 2021-07 → 2021年7月. */
export function formatMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${year}年${m}月`;
}

/** The first day of the month and of the next one, for an eventDate range: 2021-12 → [2021-12-01, 2022-01-01). */
export function monthRange(month: string): { gte: string; lt: string } {
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { gte: `${month}-01`, lt: `${next}-01` };
}

function trimmed(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** CNY in 亿元 from 1亿 up, in 万元 from 1万 up: 5200000000 → 52亿元, 35000000 → 3500万元. */
export function formatMoney(yuan: number): string {
  if (Math.abs(yuan) >= 1e8) return `${trimmed(yuan / 1e8)}亿元`;
  if (Math.abs(yuan) >= 1e4) return `${trimmed(yuan / 1e4)}万元`;
  return `${trimmed(yuan)}元`;
}

/** m² in 万平方米 from 1万 up. */
export function formatArea(squareMetres: number): string {
  if (Math.abs(squareMetres) >= 1e4) return `${trimmed(squareMetres / 1e4)}万平方米`;
  return `${trimmed(squareMetres)}平方米`;
}

/** A normalized figure in its unit, with its hedge: {5200000000, CNY, APPROXIMATELY} → 约52亿元. */
export function formatFigure(value: number, unit: string, qualifier: FactQualifier = 'EXACT'): string {
  const { prefix, suffix } = qualifierAffixes[qualifier];
  const body = unit === 'CNY' ? formatMoney(value) : unit === 'm²' ? formatArea(value) : `${trimmed(value)}${unitLabels[unit] ?? unit}`;
  return `${prefix}${body}${suffix}`;
}
