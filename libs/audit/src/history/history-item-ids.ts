import { JsonObject, JsonValue } from '@app/event-store';
import { answerItemId } from '@app/transfer';

/**
 * A history entry's data as answers name items: the claims a request event carries
 * (RequestEvaluated, ExceptionGranted: `programEvaluation`; RequestEvidenceChanged:
 * `reevaluation.programEvaluation`) name the request item, `completion:<id>` or `credential:<id>`,
 * not the engine's internal `recognized:<item id>`. Every other field, and every other event, as
 * recorded; the export (`GET /audit/export`) gives the stored bytes.
 */
export function historyDataNamingItems(type: string, data: JsonObject): JsonObject {
  switch (type) {
    case 'RequestEvaluated':
    case 'ExceptionGranted':
      return 'programEvaluation' in data ? { ...data, programEvaluation: claimsNamed(data.programEvaluation) } : data;
    case 'RequestEvidenceChanged': {
      const re = data.reevaluation;
      return isObject(re) && 'programEvaluation' in re ? { ...data, reevaluation: { ...re, programEvaluation: claimsNamed(re.programEvaluation) } } : data;
    }
    default:
      return data;
  }
}

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function claimsNamed(summary: JsonValue): JsonValue {
  if (!isObject(summary) || !Array.isArray(summary.claims)) return summary;
  return { ...summary, claims: summary.claims.map((c) => (isObject(c) && typeof c.itemId === 'string' ? { ...c, itemId: answerItemId(c.itemId) } : c)) };
}
