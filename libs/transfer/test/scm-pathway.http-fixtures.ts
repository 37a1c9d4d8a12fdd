import { policies, programs } from '../../requirements/fixtures';

/** The MITx SCM MicroMasters: five online courses and the comprehensive exam, as records course ids. */
export const ONLINE = ['sc0x', 'sc1x', 'sc2x', 'sc3x', 'sc4x', 'cfx'];
export const courseId = (code: string): string => `mitx-ctl.${code}`;

/** The MIT SCM blended program, exactly as in the engine's fixtures. */
export const scmProgram = (): Record<string, unknown> => JSON.parse(JSON.stringify(programs.scmProgram)) as Record<string, unknown>;

/** Its recognition policy, with the ids this deployment uses (institution ids and records course ids). */
export const scmPolicy = (): Record<string, unknown> => {
  const text = JSON.stringify(policies.scmPolicy)
    .replace(/"MITx"/g, '"mitx"')
    .replace(/"CTL\.(SC\dx|CFx)"/g, (_m, c: string) => `"${courseId(c.toLowerCase())}"`);
  return { ...(JSON.parse(text) as Record<string, unknown>), receivingInstitution: 'mit' };
};

/** POST /courses body (records API). */
export const courseBody = (code: string) => ({
  courseId: courseId(code),
  title: `Supply chain ${code}`,
  credits: code === 'cfx' ? '1' : '4',
  unit: 'US_SEMESTER',
  eqfLevel: 7,
  field: 'supply-chain',
  tags: ['core'],
  assessmentType: 'proctored-exam',
});

/** POST /learners/:id/credentials body (records API): the complete MicroMasters over the six completions, as the demo sends it. */
export { microMastersBody } from '../../../scripts/demo/scm-fixtures';
