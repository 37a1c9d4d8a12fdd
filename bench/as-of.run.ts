import { printTable } from './lib/report';
import { asOfEligibilityRows } from './audit/as-of-eligibility';

/** Runs only the as-of eligibility measurement (also part of `npm run bench:audit`). */
void asOfEligibilityRows().then((rows) => printTable('as-of eligibility, learner with 200 events (HTTP, one request at a time)', rows));
