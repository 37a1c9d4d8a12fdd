/**
 * Remaining work: how many new items (courses) a learner still has to bring, and, to break ties,
 * how many credit units (a new course or item of unknown credits weighs as a typical item). A
 * credit deficit counts as that many typical items (`typicalUnits`: the median credit value of the
 * evaluation's items, rounded up), so "earn 30 more credits" weighs like the courses it takes.
 */
export interface Work {
  items: number;
  units: number;
}

/** What one unsatisfied node still needs: a course, n items, or credit units matching its filter. */
export interface PlanEntry {
  node: number;
  /** blocked: a held course another rule claims; capped: a cap leaves no room for what the rule lacks. */
  kind: 'course' | 'items' | 'credits' | 'blocked' | 'capped';
  /** Items still needed (course: 1; items: n), or 0 for credits. */
  count: number;
  /** Credit units still needed (credits only), scaled as the compiled program's units. */
  units: number;
  /** capped: the limit with no room. */
  limit?: number;
}

export interface NodePlan {
  work: Work;
  entries: PlanEntry[];
}

