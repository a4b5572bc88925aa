/** Public surface of backup and restore: a portable, verified logical dump of every application table (ADR 0006). */
export { BackupError, type BackupFailure } from './backup.errors';
export { checkMasterKey, masterKeysForRestore, type RestoreSummary, restoreBackup } from './backup.restore';
export { type VerifiedBackup, verifyBackup } from './backup.verify';
export { type BackupSummary, writeBackup } from './backup.write';
