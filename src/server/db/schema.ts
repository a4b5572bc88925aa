/** Every Drizzle table, for drizzle-kit and the typed client. Modules own their `.table.ts`. */

export * from '../modules/assessments/assessments.table';
export * from '../modules/audit/audit.table';
export * from '../modules/data-catalog/data-catalog.table';
export * from '../modules/drills/drills.table';
export * from '../modules/enterprises/enterprises.table';
export * from '../modules/evidence/evidence.table';
export * from '../modules/exposure/exposure.table';
export * from '../modules/identity/identity.table';
export * from '../modules/incidents/incidents.table';
export * from '../modules/keyring/keyring.table';
export * from '../modules/notifications/notifications.table';
export * from '../modules/platforms/platforms.table';
export * from '../modules/products/products.table';
export * from '../modules/supervision/supervision.table';
export * from '../modules/training/training.table';
export * from '../modules/vulnerabilities/vulnerabilities.table';
