/** Every Drizzle table, for drizzle-kit and the typed client. Modules own their `.table.ts`. */
export * from '../modules/audit/audit.table';
export * from '../modules/enterprises/enterprises.table';
export * from '../modules/exposure/exposure.table';
export * from '../modules/identity/identity.table';
export * from '../modules/keyring/keyring.table';
export * from '../modules/notifications/notifications.table';
export * from '../modules/platforms/platforms.table';
export * from '../modules/products/products.table';
export * from '../modules/vulnerabilities/vulnerabilities.table';
