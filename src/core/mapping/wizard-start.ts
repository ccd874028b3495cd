/**
 * Which sheets the wizard reads when it opens, decided once for both sides: the server (openWizard)
 * detects exactly these ahead of time so that opening the sidebar is one google.script.run call — each
 * call is a separate cold execution of the whole script — and the sidebar asks for them in the same order.
 */
interface SheetRef {
  readonly sheetId: number;
  readonly name: string;
  readonly isDashboard: boolean;
}

const COSTS_NAME = /cost|spend|expense|budget|расход|затрат|реклам|бюджет|费用|花费|消费|投放/iu;

/** The active sheet when it holds data, else the first data sheet. */
export function defaultSheet(sheets: readonly SheetRef[], activeSheetName: string): string | null {
  const usable = sheets.filter((s) => !s.isDashboard);
  return (usable.find((s) => s.name === activeSheetName) ?? usable[0])?.name ?? null;
}

/** For a CRM export: a sheet whose name says it holds ad costs. */
export function guessCostsSheet(sheets: readonly SheetRef[], sourceName: string): string | null {
  return sheets.find((s) => !s.isDashboard && s.name !== sourceName && COSTS_NAME.test(s.name))?.name ?? null;
}

/** The current name of a saved table's sheet: by id (survives renames), then by name. */
export function savedSheetName(
  sheets: readonly SheetRef[],
  table: { readonly sheetId: number; readonly sheetName: string },
): string | undefined {
  return (sheets.find((s) => s.sheetId === table.sheetId) ?? sheets.find((s) => s.name === table.sheetName))?.name;
}
