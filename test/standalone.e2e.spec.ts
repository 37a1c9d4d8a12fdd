import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { PlatformApplication } from '@app/platform';
import request from 'supertest';

/** The variables this suite sets; restored afterwards. */
const VARIABLES = ['LOG_LEVEL', 'EVENT_STORE', 'SQLITE_PATH', 'ADMIN_TOKEN'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('standalone app over HTTP (SQLite in a temporary directory)', () => {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  let dataDir: string;
  let app: PlatformApplication;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'credit-transfer-e2e-'));
    process.env.LOG_LEVEL = 'silent';
    process.env.EVENT_STORE = 'sqlite';
    process.env.SQLITE_PATH = join(dataDir, 'events.sqlite');
    // The configuration is validated when AppModule is declared: import it after setting the env.
    const { newCredentialToken, configureApp, createHttpAdapter, PLATFORM_APP_OPTIONS } = await import('@app/platform');
    process.env.ADMIN_TOKEN = newCredentialToken().token; // otherwise a generated one is printed
    const { AppModule } = await import('../apps/standalone/src/app.module');
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication<PlatformApplication>(createHttpAdapter(), PLATFORM_APP_OPTIONS);
    configureApp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('GET /health answers 200 with the event store and the read models\' projector up (checkpoint, head, how far behind)', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { eventStore: { status: 'up', adapter: 'sqlite' }, readModels: { status: 'up', projector: 'embedded, worker thread', failures: 0 } },
    });
    const { checkpoint, head, behind } = response.body.info.readModels as { checkpoint: number; head: number; behind: number };
    expect(head).toBeGreaterThanOrEqual(checkpoint);
    expect(behind).toBe(head - checkpoint);
  });

  it('serves the Swagger UI at /docs and the OpenAPI document at /docs-json', async () => {
    const ui = await request(app.getHttpServer()).get('/docs').expect(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    expect(ui.text).toMatch(/swagger/i);
    const doc = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.info.title).toMatch(/credit transfer/i);
    expect(doc.body.paths['/health']).toBeDefined();
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('GET /metrics exposes process metrics and the HTTP histogram of earlier requests', async () => {
    await request(app.getHttpServer()).get('/health').expect(200);
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain('process_cpu_user_seconds_total');
    expect(response.text).toMatch(
      /http_request_duration_seconds_bucket\{le="[^"]+",service="standalone",method="GET",route="\/health",status="200"\} [1-9]/,
    );
  });

  it('echoes an incoming X-Correlation-Id and generates a UUID otherwise', async () => {
    const echoed = await request(app.getHttpServer()).get('/health').set('X-Correlation-Id', 'req-42.a').expect(200);
    expect(echoed.headers['x-correlation-id']).toBe('req-42.a');
    const generated = await request(app.getHttpServer()).get('/health').expect(200);
    expect(generated.headers['x-correlation-id']).toMatch(UUID);
    const unsafe = await request(app.getHttpServer()).get('/health').set('X-Correlation-Id', 'a b<script>').expect(200);
    expect(unsafe.headers['x-correlation-id']).toMatch(UUID);
  });

  it('answers a malformed JSON body with 400 and a clear message (correlation id included)', async () => {
    const response = await request(app.getHttpServer())
      .post('/institutions')
      .set('Content-Type', 'application/json')
      .set('X-Correlation-Id', 'bad-body-1')
      .send('{"name": ')
      .expect(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/^Malformed JSON in request body: /),
    });
    expect(response.headers['x-correlation-id']).toBe('bad-body-1');
  });

  it('answers unknown routes and missing credentials with JSON errors', async () => {
    const missing = await request(app.getHttpServer()).get('/no-such-route').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const anonymous = await request(app.getHttpServer()).post('/institutions').send({}).expect(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });
});
