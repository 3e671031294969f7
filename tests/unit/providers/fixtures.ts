import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a recorded response from tests/fixtures/providers/<id>/<file>. */
export function fixture(id: string, file: string): string {
  return readFileSync(join(import.meta.dirname, '../../fixtures/providers', id, file), 'utf8');
}
