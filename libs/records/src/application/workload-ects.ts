import { compileConversion, convertCredits, parseRational, toExact } from '@app/requirements';
import { CreditUnit, Workload } from '../domain/records.values';

const DEFAULT_TABLE = compileConversion();

/** A workload with its exact ECTS equivalent under DOMAIN.md's default table ("16", "4/3"). */
export function workloadOf(credits: string, unit: CreditUnit): Workload {
  let ects: string | null = null;
  try {
    ects = toExact(convertCredits(parseRational(credits), unit, 'ECTS', DEFAULT_TABLE));
  } catch {
    ects = null; // unreadable credits: the decider refuses them with their path
  }
  return { credits, unit, ects };
}
