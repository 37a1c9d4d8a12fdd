import { LearnerItem } from './learner-item.types';

/**
 * How explanations name an item: its title with its code ("Supply Chain Fundamentals (MITx
 * CTL.SC1x)"), or the internal course it counts as, never an internal id such as
 * `recognized:<uuid>`; an item with neither is named by its date.
 */
export function itemName(item: LearnerItem): string {
  const code = item.code !== undefined ? `${item.issuer ? `${item.issuer} ` : ''}${item.code}` : item.courseId;
  if (item.title !== undefined) return code !== undefined && code !== item.title ? `${item.title} (${code})` : item.title;
  if (code !== undefined) return code;
  return `an item of ${item.date}${item.issuer ? ` from ${item.issuer}` : ''}`;
}
