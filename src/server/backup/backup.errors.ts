/** Why a backup or restore stopped; `code` is stable for scripts and tests, the message is for the operator. */
export type BackupFailure =
  | 'backup.exists'
  | 'backup.schema'
  | 'backup.unreadable'
  | 'backup.corrupt'
  | 'backup.format'
  | 'restore.migrations'
  | 'restore.not_empty'
  | 'restore.master_key';

/** A refused backup or restore; nothing was written when restore raises it. */
export class BackupError extends Error {
  override readonly name = 'BackupError';

  constructor(
    readonly code: BackupFailure,
    message: string,
  ) {
    super(message);
  }
}
