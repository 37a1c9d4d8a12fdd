import { ConfigValidationError, eventStoreOptionsFrom, loadAppConfig, validateEnv } from '@app/platform';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    validateEnv(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('configuration validation', () => {
  it('applies the defaults: embedded SQLite under ./data, port 3000, level info', () => {
    expect(loadAppConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      eventStore: { kind: 'sqlite', path: './data/events.sqlite', synchronous: 'FULL' },
    });
  });

  it('coerces PORT, keeps unknown variables, and treats empty values as unset', () => {
    const env = validateEnv({ PORT: '8080', PATH: '/usr/bin', DATABASE_URL: '', LOG_LEVEL: 'silent' });
    expect(env).toMatchObject({ PORT: 8080, PATH: '/usr/bin', LOG_LEVEL: 'silent', EVENT_STORE: 'sqlite' });
    expect(env).not.toHaveProperty('DATABASE_URL');
  });

  it('rejects an unknown EVENT_STORE, naming the variable and the allowed values', () => {
    expect(problemsOf({ EVENT_STORE: 'mysql' })).toEqual([
      'EVENT_STORE: must be one of sqlite, postgres, eventstoredb (got "mysql")',
    ]);
    expect(() => validateEnv({ EVENT_STORE: 'mysql' })).toThrow(/Invalid configuration:\n {2}- EVENT_STORE: /);
  });

  it('requires DATABASE_URL when EVENT_STORE=postgres', () => {
    expect(problemsOf({ EVENT_STORE: 'postgres' })).toEqual([
      expect.stringMatching(/^DATABASE_URL: is required when EVENT_STORE=postgres/),
    ]);
  });

  it('requires EVENTSTORE_CONNECTION_STRING when EVENT_STORE=eventstoredb', () => {
    expect(problemsOf({ EVENT_STORE: 'eventstoredb' })).toEqual([
      expect.stringMatching(/^EVENTSTORE_CONNECTION_STRING: is required when EVENT_STORE=eventstoredb/),
    ]);
  });

  it('reports every bad variable at once, without echoing secrets', () => {
    const problems = problemsOf({
      PORT: '70000',
      SQLITE_SYNCHRONOUS: 'OFF',
      LOG_LEVEL: 'loud',
      EVENT_STORE: 'postgres',
      DATABASE_URL: 'mysql://root:hunter2@db/x',
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'PORT',
      'SQLITE_SYNCHRONOUS',
      'DATABASE_URL',
      'LOG_LEVEL',
    ]);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT: must be an integer (got "abc")']);
    expect(problemsOf({ ADMIN_TOKEN: 'secret-admin' })).toEqual([
      'ADMIN_TOKEN: must be a credential token ct_<uuid>.<43 base64url characters>',
    ]);
  });

  it('turns each store configuration into EventStoreOptions', () => {
    expect(eventStoreOptionsFrom(loadAppConfig({ SQLITE_PATH: ':memory:', SQLITE_SYNCHRONOUS: 'NORMAL' }))).toEqual({
      kind: 'sqlite',
      path: ':memory:',
      synchronous: 'NORMAL',
    });
    expect(eventStoreOptionsFrom(loadAppConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@h/db' }))).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://u@h/db',
    });
    expect(
      eventStoreOptionsFrom(
        loadAppConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' }),
      ),
    ).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' });
  });
});
