import { addLocalDays, type LocalDate, shanghaiDate } from '../../../regulations/working-days';

/**
 * Days a corrective action raised by a self-examination has before it is due. Bulwark product choice: 34号 asks for
 * self-examination and self-correction (自查自纠) but sets no rectification period; owners may change the date.
 */
export const CORRECTIVE_DUE_DAYS = 90;

/** The due day of a corrective action raised at `at` (Shanghai calendar days). */
export const correctiveDueOn = (at: Date): LocalDate => addLocalDays(shanghaiDate(at), CORRECTIVE_DUE_DAYS);
