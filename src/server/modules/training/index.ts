/** Public surface of the training module: sessions, certified talents and their 34号 roll-ups. */
export { trainingRoutes } from './training.routes';
export { createTrainingService, type TrainingService } from './training.service';
