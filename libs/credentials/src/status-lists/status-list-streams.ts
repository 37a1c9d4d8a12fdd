import { createHash } from 'crypto';
import { STATUS_LIST_STREAM_PREFIX } from './status-list.events';

/** List ids are URLs: the stream is named by a digest of the id (stream names are plain). */
export const statusListStream = (listId: string): string => `${STATUS_LIST_STREAM_PREFIX}${createHash('sha256').update(listId).digest('hex').slice(0, 40)}`;
