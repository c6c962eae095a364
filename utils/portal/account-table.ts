/**
 * « Gestion des comptes de connexion »: the table whose header cells include
 * « Compte par défaut » and « Notif de réception vers compte de connexion », one row
 * per account with its address, the « Définir comme compte par défaut » checkbox and
 * the reception-notice checkbox. Columns are found by their header cells.
 */
import { MAX_ACCOUNT_ROWS } from './limits';
import type { SelectorProfile } from './profile';
import { addressesIn, fold, shownText } from './text';

interface AccountTableRow {
  address: string;
  /** Ticked « Définir comme compte par défaut »; null when the row has no such box. */
  isDefault: boolean | null;
  /** Ticked « Notif de réception vers compte de connexion »; null when absent. */
  notices: boolean | null;
}

function headerMatches(cell: Element, texts: readonly string[]): boolean {
  const text = fold(shownText(cell));
  return texts.some((wanted) => text.includes(fold(wanted)));
}

/** Cell positions in a row, honouring colspan. */
function columnsOf(row: Element): { cell: Element; start: number; end: number }[] {
  const out: { cell: Element; start: number; end: number }[] = [];
  let index = 0;
  for (const cell of row.children) {
    if (!/^(TD|TH)$/.test(cell.tagName)) continue;
    const span = Math.max(1, Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1);
    out.push({ cell, start: index, end: index + span - 1 });
    index += span;
  }
  return out;
}

function cellAt(row: Element, column: number): Element | null {
  return columnsOf(row).find((c) => c.start <= column && column <= c.end)?.cell ?? null;
}

function labelOf(box: Element): string {
  const wrapping = box.closest('label');
  const id = box.getAttribute('id');
  const byFor = id ? box.ownerDocument.querySelector(`label[for="${id.replace(/["\\]/g, '\\$&')}"]`) : null;
  return `${wrapping ? shownText(wrapping) : ''} ${byFor ? shownText(byFor) : ''} ${box.getAttribute('aria-label') ?? ''} ${box.getAttribute('title') ?? ''}`;
}

function checkbox(cell: Element | null): HTMLInputElement | null {
  return (cell?.querySelector('input[type=checkbox]') as HTMLInputElement | null) ?? null;
}

export interface AccountTable {
  table: Element;
  rows: AccountTableRow[];
  /** More rows than MAX_ACCOUNT_ROWS: the rest were left out. */
  truncated: boolean;
}

/** The first table with the contract's header cells and at least one account row. */
export function findAccountTable(doc: Document, profile: SelectorProfile): AccountTable | null {
  const { defaultColumn, noticeColumn, defaultCheckbox } = profile.texts;
  for (const table of doc.querySelectorAll('table')) {
    const headerRow = [...table.querySelectorAll('tr')].find(
      (row) =>
        [...row.querySelectorAll('th, td')].some((c) => headerMatches(c, defaultColumn)) &&
        [...row.querySelectorAll('th, td')].some((c) => headerMatches(c, noticeColumn)),
    );
    if (!headerRow) continue;
    const columns = columnsOf(headerRow);
    const defaultAt = columns.find((c) => headerMatches(c.cell, defaultColumn))?.start ?? -1;
    const noticeAt = columns.find((c) => headerMatches(c.cell, noticeColumn))?.start ?? -1;
    const rows: AccountTableRow[] = [];
    let truncated = false;
    for (const row of table.querySelectorAll('tr')) {
      if (row === headerRow) continue;
      if (rows.length >= MAX_ACCOUNT_ROWS) {
        truncated = true;
        break;
      }
      const address = addressesIn(shownText(row))[0];
      if (!address) continue;
      const boxes = [...row.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
      const byLabel = boxes.find((box) => defaultCheckbox.some((t) => fold(labelOf(box)).includes(fold(t))));
      const defaultBox = byLabel ?? checkbox(cellAt(row, defaultAt));
      const noticeBox = [checkbox(cellAt(row, noticeAt))].find((box) => box && box !== defaultBox) ?? null;
      rows.push({
        address,
        isDefault: defaultBox ? defaultBox.checked || defaultBox.hasAttribute('checked') : null,
        notices: noticeBox ? noticeBox.checked || noticeBox.hasAttribute('checked') : null,
      });
    }
    if (rows.length > 0) return { table, rows, truncated };
  }
  return null;
}
