import type { EnquirySummary } from '../../../contract/api/enquiry';
import type { Enquiry } from '../../../contract/models';

/** What `mine` lists and `get` shows of each of the caller's enquiries alike. */
export function enquirySummary(doc: Enquiry): EnquirySummary {
  return {
    id: doc._id,
    ref: doc.ref,
    kind: doc.kind ?? 'general',
    topic: doc.topic,
    status: doc.status,
    organization: doc.organization,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}
