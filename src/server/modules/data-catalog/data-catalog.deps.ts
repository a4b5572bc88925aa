import type { Db } from '../../db/client';
import type { MeasuresPack } from '../../programme-rules/measures-schema';
import type { QuestionsPack } from '../../programme-rules/questions-schema';
import type { HolidaysPack } from '../../regulations/holidays-schema';
import type { AuditService } from '../audit';
import type { NotificationsService } from '../notifications';

/** What the data-catalog services are built from. */
export interface CatalogDeps {
  db: Db;
  audit: AuditService;
  notifications: NotificationsService;
  measures: MeasuresPack;
  questions: QuestionsPack;
  holidays: HolidaysPack;
}
