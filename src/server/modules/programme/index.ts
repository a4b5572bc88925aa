/** Public surface of the programme module: the enterprise's programme home and regulators' coverage (34号). */
export { programmeRoutes } from './programme.routes';
export { createProgrammeService, type ProgrammeService } from './programme.service';
