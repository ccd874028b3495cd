/** The dashboard on the Apps Script side: build/rebuild from a Mapping, and share a values-only copy. */
export { buildDashboard, withDocumentLock, type BuildOptions } from './build.js';
export { shareReport } from './share.js';
export { applyPlan } from './apply-plan.js';
export { findOwnDashboard, ownDashboards, freeSheetName, DASHBOARD_METADATA_KEY, DASHBOARD_SCHEMA } from './locate.js';
export { lookupSheet, observeTable, tableData, type TableObservation, type TableRead } from './read-table.js';
