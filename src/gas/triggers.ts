/**
 * Simple triggers and menu actions. Filled in by the sidebar/dashboard features; onOpen must stay
 * cheap and must not touch data in AuthMode.NONE (the add-on is not yet authorised in that document).
 */
export const triggers = {
  onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
    const menu = SpreadsheetApp.getUi().createAddonMenu();
    // In AuthMode.NONE only the menu may be built; items run later with full authorisation.
    void e;
    menu.addItem('Open FunnelROI', 'showSidebar').addToUi();
  },
  onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
    triggers.onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
  },
  showSidebar(): void {
    const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('FunnelROI');
    SpreadsheetApp.getUi().showSidebar(html);
  },
};
