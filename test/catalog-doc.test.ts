import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_DOC, renderCatalogDoc } from '../scripts/generate-catalog-doc.js';

describe('docs/catalog.md', () => {
  it('is current (run `npm run catalog:doc`)', () => {
    expect(readFileSync(CATALOG_DOC, 'utf8')).toBe(renderCatalogDoc());
  });
});
