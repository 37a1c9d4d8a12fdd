import { withinYears } from './dates';
import { describeGrade, meetsMinimum, minimumMiss } from './grades';
import { LearnerItem } from './learner-item.types';
import { ItemFilter } from './program.types';

/** Why an item fails a filter, in words a registrar understands. */
export interface FilterMiss {
  criterion: keyof ItemFilter;
  message: string;
  /** The refusal reason, for the criteria a recognition policy shares (assessment, identity). */
  reason?: 'ASSESSMENT_NOT_ACCEPTED' | 'IDENTITY_NOT_VERIFIED';
}

/** Every criterion of `filter` the item fails (empty: the item matches). */
export function filterMisses(item: LearnerItem, filter: ItemFilter | undefined, referenceDate: string): FilterMiss[] {
  if (!filter) return [];
  const misses: FilterMiss[] = [];
  const miss = (criterion: keyof ItemFilter, message: string, reason?: FilterMiss['reason']) => misses.push(reason ? { criterion, message, reason } : { criterion, message });
  if (filter.levels && !(item.level && filter.levels.includes(item.level))) {
    miss('levels', `level ${item.level ?? 'unknown'} is not ${orList(filter.levels)}`);
  }
  if (filter.fields && !(item.field && filter.fields.includes(item.field))) {
    miss('fields', `field ${item.field ?? 'unknown'} is not ${orList(filter.fields)}`);
  }
  if (filter.issuers && !(item.issuer && filter.issuers.includes(item.issuer))) {
    miss('issuers', `issuer ${item.issuer ?? 'unknown'} is not ${orList(filter.issuers)}`);
  }
  if (filter.source && item.source !== filter.source) {
    miss('source', filter.source === 'home' ? 'must be completed here, not transferred' : 'must be recognized transfer credit');
  }
  if (filter.credentialTypes) {
    const types = (item.credentials ?? []).map((c) => c.type ?? '');
    if (!types.some((t) => filter.credentialTypes?.includes(t))) {
      miss('credentialTypes', `is not part of a ${orList(filter.credentialTypes)} credential`);
    }
  }
  if (filter.tags && !(item.tags ?? []).some((t) => filter.tags?.includes(t))) {
    miss('tags', `is not tagged ${orList(filter.tags)}`);
  }
  if (filter.courses && !(item.courseId && filter.courses.includes(item.courseId))) {
    miss('courses', `is not ${orList(filter.courses)}`);
  }
  if (filter.minGrade !== undefined && !meetsMinimum(item.grade, filter.minGrade)) {
    miss('minGrade', minimumMiss(item.grade, filter.minGrade));
  }
  if (filter.withinYears !== undefined && !withinYears(item.date, filter.withinYears, referenceDate)) {
    miss('withinYears', `completed ${item.date}, more than ${filter.withinYears} years before ${referenceDate}`);
  }
  if (filter.inResidence !== undefined && Boolean(item.inResidence) !== filter.inResidence) {
    miss('inResidence', filter.inResidence ? 'was not completed in residence' : 'must not be a residence course');
  }
  if (filter.assessmentTypes && !assessedAs(item, filter.assessmentTypes)) {
    miss('assessmentTypes', `was assessed by ${item.assessmentType ?? 'an unstated method'}, not ${orList(filter.assessmentTypes)} [ASSESSMENT_NOT_ACCEPTED]`, 'ASSESSMENT_NOT_ACCEPTED');
  }
  if (filter.identityVerified !== undefined && !identityAsRequired(item, filter.identityVerified)) {
    miss(
      'identityVerified',
      filter.identityVerified
        ? `was ${item.identityVerified === false ? 'not' : 'not shown to be'} assessed with the learner's identity verified [IDENTITY_NOT_VERIFIED]`
        : 'must not be identity-verified',
      filter.identityVerified ? 'IDENTITY_NOT_VERIFIED' : undefined,
    );
  }
  return misses;
}

/** Same verdict as `filterMisses(...).length === 0`, without building messages. */
export function matchesFilter(item: LearnerItem, f: ItemFilter | undefined, referenceDate: string): boolean {
  if (!f) return true;
  if (f.source && item.source !== f.source) return false;
  if (f.courses && !(item.courseId && f.courses.includes(item.courseId))) return false;
  if (f.levels && !(item.level && f.levels.includes(item.level))) return false;
  if (f.fields && !(item.field && f.fields.includes(item.field))) return false;
  if (f.issuers && !(item.issuer && f.issuers.includes(item.issuer))) return false;
  if (f.tags && !(item.tags ?? []).some((t) => f.tags?.includes(t))) return false;
  if (f.credentialTypes && !(item.credentials ?? []).some((c) => f.credentialTypes?.includes(c.type ?? ''))) return false;
  if (f.inResidence !== undefined && Boolean(item.inResidence) !== f.inResidence) return false;
  if (f.minGrade !== undefined && !meetsMinimum(item.grade, f.minGrade)) return false;
  if (f.withinYears !== undefined && !withinYears(item.date, f.withinYears, referenceDate)) return false;
  if (f.assessmentTypes && !assessedAs(item, f.assessmentTypes)) return false;
  if (f.identityVerified !== undefined && !identityAsRequired(item, f.identityVerified)) return false;
  return true;
}

const assessedAs = (item: LearnerItem, types: readonly string[]): boolean => item.assessmentType !== undefined && types.includes(item.assessmentType);

/** true asks for a verified identity (not stated fails); false for an item not verified (not stated passes). */
const identityAsRequired = (item: LearnerItem, want: boolean): boolean => (want ? item.identityVerified === true : item.identityVerified !== true);

/** A short description of a filter: "level EQF7, field data-science, grade at least B". */
export function describeFilter(filter: ItemFilter | undefined): string {
  if (!filter) return 'any item';
  const parts: string[] = [];
  if (filter.courses) parts.push(`course ${orList(filter.courses)}`);
  if (filter.levels) parts.push(`level ${orList(filter.levels)}`);
  if (filter.fields) parts.push(`field ${orList(filter.fields)}`);
  if (filter.issuers) parts.push(`issued by ${orList(filter.issuers)}`);
  if (filter.source) parts.push(filter.source === 'home' ? 'taken here' : 'transfer credit');
  if (filter.credentialTypes) parts.push(`part of a ${orList(filter.credentialTypes)}`);
  if (filter.tags) parts.push(`tagged ${orList(filter.tags)}`);
  if (filter.minGrade !== undefined) parts.push(`grade at least ${describeGrade(filter.minGrade)}`);
  if (filter.withinYears !== undefined) parts.push(`completed within ${filter.withinYears} years`);
  if (filter.inResidence !== undefined) parts.push(filter.inResidence ? 'in residence' : 'not in residence');
  if (filter.assessmentTypes) parts.push(`assessed by ${orList(filter.assessmentTypes)}`);
  if (filter.identityVerified !== undefined) parts.push(filter.identityVerified ? 'identity-verified' : 'not identity-verified');
  return parts.length ? parts.join(', ') : 'any item';
}

export function orList(values: readonly string[]): string {
  if (values.length <= 1) return values[0] ?? '';
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
