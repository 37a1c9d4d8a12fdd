import { apiSchema, s } from '@app/platform';

export const REGISTERED_STATUS_LISTS = apiSchema(
  'RegisteredStatusLists',
  s.array(
    s.object({
      id: s.string("the list credential's id"),
      urls: s.array(s.string(), 'URLs it answers for: its id and the URL it was registered under'),
      digest: s.string("sha-256 (hex) of the list credential's canonical JSON"),
      registeredAt: s.string(),
      validFrom: s.nullable(s.string()),
      validUntil: s.nullable(s.string()),
    }),
    'the latest registration of every list, by id',
  ),
);
