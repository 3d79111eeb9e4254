// Regenerates apps/api/openapi.json (`npm run openapi`); a test fails while it is stale.
import { writeFileSync } from 'node:fs';
import { COMMITTED_BASE_URL, committedDocumentPath, openApiDocument, renderDocument } from './document.js';

writeFileSync(committedDocumentPath, renderDocument(openApiDocument(COMMITTED_BASE_URL)));
console.log(`wrote ${committedDocumentPath}`);
