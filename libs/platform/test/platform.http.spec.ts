import { Body, Controller, Get, Global, Module, Param, Post, Query } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DuplicateEventIdError, EVENT_STORE, InvalidAppendError, RevisionConflictError, WrongExpectedRevisionError } from '@app/event-store';
import { DomainError, DomainErrorKind } from '@app/kernel';
import { ComponentHealth, ComponentHealthChecks, createHttpAdapter, PLATFORM_APP_OPTIONS, PlatformApplication, PlatformModule, ValidateWith, configureApp } from '@app/platform';

/** A store whose ping the test controls; /health only calls ping() and reads name. */
const fakeStore = { name: 'fake', failure: undefined as Error | undefined, ping: async (): Promise<void> => {} };
fakeStore.ping = async () => {
  if (fakeStore.failure) throw fakeStore.failure;
};

@Global()
@Module({ providers: [{ provide: EVENT_STORE, useValue: fakeStore }], exports: [EVENT_STORE] })
class FakeStoreModule {}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['title', 'credits'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 50 },
    credits: { type: 'array', items: { type: 'object', required: ['amount'], properties: { amount: { type: 'string', pattern: '^[0-9]+$' } } } },
    tag: { type: 'string', default: 'none' },
  },
})
class ItemDto {
  title!: string;
  credits!: { amount: string }[];
  tag?: string;
}

@ValidateWith({ type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } } })
class SearchDto {
  limit!: number;
}

@Controller('probe')
class ProbeController {
  @Get('conflict')
  conflict(): never {
    throw new WrongExpectedRevisionError('learner-1', 3, 5);
  }

  @Get('duplicate')
  duplicate(): never {
    throw new DuplicateEventIdError('learner-1', '8f0c', 'is stored in another stream');
  }

  @Get('invalid-append')
  invalidAppend(): never {
    throw new InvalidAppendError('empty batch');
  }

  @Get('revision-conflict')
  revisionConflict(): never {
    throw new RevisionConflictError({ type: 'transfer request', id: 'r-1' }, 1, 2, true);
  }

  @Get('several')
  several(): never {
    throw new DomainError('conflict', 'several', 'two things', { errors: [{ path: '/completionIds', message: 'a is missing' }, { path: '/completionIds/1', message: 'b failed' }] });
  }

  @Get('domain/:kind')
  domain(@Param('kind') kind: string): never {
    throw new DomainError(kind as DomainErrorKind, `code-${kind}`, `refused (${kind})`, kind === 'invalid' ? { path: '/grade' } : undefined);
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection string postgres://secret@db');
  }

  @Post('items')
  create(@Body() item: ItemDto): ItemDto {
    return item;
  }

  @Get('search')
  search(@Query() query: SearchDto): SearchDto {
    return query;
  }
}

describe('platform over HTTP: errors, validation, health', () => {
  let app: PlatformApplication;
  const savedLevel = process.env.LOG_LEVEL;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'silent';
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ serviceName: 'test' }), FakeStoreModule],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication<PlatformApplication>(createHttpAdapter(), PLATFORM_APP_OPTIONS);
    configureApp(app, { openApi: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    if (savedLevel === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = savedLevel;
  });

  const http = () => request(app.getHttpServer());

  it('maps event-store errors to 409/409/400 with a code and a message that names no stream', async () => {
    const conflict = await http().get('/probe/conflict').expect(409);
    expect(conflict.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'revision-conflict', expectedRevision: 3, currentRevision: 5 });
    const duplicate = await http().get('/probe/duplicate').expect(409);
    expect(duplicate.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'duplicate-event' });
    const invalid = await http().get('/probe/invalid-append').expect(400);
    expect(invalid.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'invalid-append' });
    for (const body of [conflict.body, duplicate.body, invalid.body]) expect(JSON.stringify(body)).not.toMatch(/learner-1|8f0c|empty batch/);
  });

  it('answers a revision conflict with the resource, the expected and the current revision as fields', async () => {
    const response = await http().get('/probe/revision-conflict').expect(409);
    expect(response.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'revision-conflict',
      message: 'transfer request r-1 changed since you read it: If-Match "1", but it is at revision 2; read it again and decide on what it is now',
      resource: { type: 'transfer request', id: 'r-1' },
      expectedRevision: 1,
      currentRevision: 2,
    });
  });

  it('lists every field a refusal names (details.errors), each with its pointer', async () => {
    const response = await http().get('/probe/several').expect(409);
    expect(response.body).toMatchObject({
      code: 'several',
      errors: [
        { location: 'body', path: '/completionIds', message: 'a is missing' },
        { location: 'body', path: '/completionIds/1', message: 'b failed' },
      ],
    });
  });

  it.each([
    ['invalid', 400, 'Bad Request'],
    ['forbidden', 403, 'Forbidden'],
    ['not-found', 404, 'Not Found'],
    ['conflict', 409, 'Conflict'],
  ])('maps a DomainError of kind %s to %d with its code', async (kind, status, error) => {
    const response = await http().get(`/probe/domain/${kind}`).expect(status);
    expect(response.body).toMatchObject({ statusCode: status, error, message: `refused (${kind})`, code: `code-${kind}` });
    if (kind === 'invalid') expect(response.body.errors).toEqual([{ location: 'body', path: '/grade', message: 'refused (invalid)' }]);
  });

  it('hides unexpected errors behind a generic 500', async () => {
    const response = await http().get('/probe/boom').expect(500);
    expect(response.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
  });

  it('validates bodies against the DTO schema and answers 400 with the path of each invalid field', async () => {
    const response = await http()
      .post('/probe/items')
      .send({ title: '', credits: [{ amount: '4' }, { amount: 'x' }, {}], extra: true })
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { location: 'body', path: '/extra', message: 'is not allowed' },
        { location: 'body', path: '/title', message: expect.stringMatching(/fewer than 1/) },
        { location: 'body', path: '/credits/1/amount', message: expect.stringMatching(/pattern/) },
        { location: 'body', path: '/credits/2/amount', message: 'is required' },
      ]),
    );
    expect(response.body.errors).toHaveLength(4);
  });

  it('passes valid bodies through with defaults, and coerces query strings', async () => {
    const created = await http().post('/probe/items').send({ title: 'Supply chain', credits: [{ amount: '4' }] }).expect(201);
    expect(created.body).toEqual({ title: 'Supply chain', credits: [{ amount: '4' }], tag: 'none' });
    expect((await http().get('/probe/search?limit=5').expect(200)).body).toEqual({ limit: 5 });
    expect((await http().get('/probe/search').expect(200)).body).toEqual({ limit: 20 });
    const bad = await http().get('/probe/search?limit=many').expect(400);
    expect(bad.body.errors).toEqual([{ location: 'query', path: '/limit', message: 'must be integer' }]);
  });

  it('reads bodies as on Express: 413 over 1 MB, 415 for an unsupported charset, other or invalid content types left unread', async () => {
    const tooLarge = await http().post('/probe/items').set('Content-Type', 'application/json').send(JSON.stringify({ title: 'x'.repeat(1024 * 1024) })).expect(413);
    expect(tooLarge.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'request entity too large' });
    const latin1 = await http().post('/probe/items').set('Content-Type', 'application/json; charset=latin1').send('{}').expect(415);
    expect(latin1.body).toEqual({ statusCode: 415, error: 'Unsupported Media Type', message: 'unsupported charset "LATIN1"' });
    for (const type of ['text/plain', 'application/xml', 'foo']) {
      const unread = await http().post('/probe/items').set('Content-Type', type).send('{"title":"x"}').expect(400);
      expect(unread.body.errors).toEqual([{ location: 'body', path: '/', message: 'must be object' }]);
    }
    const form = await http().post('/probe/items').set('Content-Type', 'application/x-www-form-urlencoded').send('title=Supply').expect(400);
    expect(form.body.errors).toEqual([{ location: 'body', path: '/credits', message: 'is required' }]);
  });

  it('sends a weak ETag with every body and answers a matching If-None-Match on a GET with 304', async () => {
    const first = await http().get('/probe/search?limit=7').expect(200);
    expect(first.headers.etag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
    const again = await http().get('/probe/search?limit=7').set('If-None-Match', first.headers.etag).expect(304);
    expect(again.text).toBe('');
    await http().get('/probe/search?limit=7').set('If-None-Match', first.headers.etag).set('Cache-Control', 'no-cache').expect(200);
    await http().get('/probe/search?limit=8').set('If-None-Match', first.headers.etag).expect(200);
  });

  it('routes case-insensitively, ignores a trailing slash, and answers a malformed percent-encoding with 400', async () => {
    expect((await http().get('/PROBE/Search/?limit=3').expect(200)).body).toEqual({ limit: 3 });
    const bad = await http().get('/probe/domain/%FF').set('X-Correlation-Id', 'bad-url-1').expect(400);
    expect(bad.body).toEqual({ statusCode: 400, error: 'Bad Request', message: "Failed to decode param '%FF'" });
    expect(bad.headers['x-correlation-id']).toBe('bad-url-1');
  });

  it('answers /health 503 with the reason when the store does not answer, 200 again when it does', async () => {
    fakeStore.failure = new Error('SQLITE_CANTOPEN: unable to open database file');
    const down = await http().get('/health').expect(503);
    expect(down.body).toMatchObject({
      status: 'error',
      error: { eventStore: { status: 'down', adapter: 'fake', message: 'SQLITE_CANTOPEN: unable to open database file' } },
    });
    fakeStore.failure = undefined;
    await http().get('/health').expect(200);
  });

  it('reports each registered component under its key: down (503) with its details and reason, a throwing check down with the error, gone once unregistered', async () => {
    const components = app.get(ComponentHealthChecks);
    let behind = 0;
    const unregister = components.register('projector', (): ComponentHealth => (behind < 10 ? { up: true, details: { behind } } : { up: false, details: { behind, message: 'stuck' } }));
    const unregisterBroken = components.register('broken', () => Promise.reject(new Error('no status')));
    try {
      const down = await http().get('/health').expect(503);
      expect(down.body).toMatchObject({ status: 'error', info: { eventStore: { status: 'up' }, projector: { status: 'up', behind: 0 } }, error: { broken: { status: 'down', message: 'no status' } } });
      unregisterBroken();
      behind = 12;
      expect((await http().get('/health').expect(503)).body.error).toEqual({ projector: { status: 'down', behind: 12, message: 'stuck' } });
      behind = 3;
      expect((await http().get('/health').expect(200)).body.info.projector).toEqual({ status: 'up', behind: 3 });
    } finally {
      unregister();
      unregisterBroken();
    }
    expect((await http().get('/health').expect(200)).body.info).not.toHaveProperty('projector');
  });
});
