import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as api from './index';

describe('public API', () => {
  it.each([
    'DEFAULT_RECOMMENDING_BODIES',
    'routeToRecommendingBody',
    'parseUscc',
    'computeUsccCheckCharacter',
    'assertUscc',
    'ApplicationState',
    'ApplicationAction',
    'LIFECYCLE',
    'transition',
    'allowedActions',
    'IllegalTransitionError',
    'lifecycleMermaid',
    'INNER_MONGOLIA_DRAFT_PROFILE',
    'profileInForce',
    'WorkingDayCalendar',
    'CalendarYearUnconfirmedError',
    'CHINA_HOLIDAYS_SEED',
    'publicityPeriod',
    'recognitionValidity',
    'recognitionStatusAt',
    'banPeriod',
    'isBannedAt',
    'checkEligibility',
    'checkExclusions',
    'materialsChecklist',
    'materialsApplicability',
    'blankDeclarations',
    'INNER_MONGOLIA_PLEDGE',
    'EQUIPMENT_FIELDS_CATALOGUE',
    'importCatalogueCsv',
    'isWithinApplicationWindow',
    'assertCanOpenBatch',
    'DomainError',
    'ProductKind',
  ])('exports %s', (name) => {
    expect((api as Record<string, unknown>)[name]).toBeDefined();
  });

  // Domain code is pure: time is an argument, no I/O, no environment.
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.spec.ts')) files.push(p);
    }
  };
  walk(__dirname);
  it.each(files.map((f) => [f.slice(__dirname.length + 1), f]))(
    '%s reads no clock, environment or file system',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      expect(source).not.toMatch(/Date\.now\(|new Date\(\)|process\.env|from 'node:|(?<![.\w])require\(/);
    },
  );
});
