/**
 * The advanced queries: what they select, and how the type list is split so
 * that no expression passes SelectResourceConfig's 4,096-character limit.
 */

/** SelectResourceConfig's limit on `Expression`. */
export const MAX_EXPRESSION_LENGTH = 4096;

/** The fields every query selects: the item's identity, state and whole configuration. */
export const SELECT_FIELDS = [
  'resourceId',
  'resourceName',
  'resourceType',
  'accountId',
  'awsRegion',
  'arn',
  'availabilityZone',
  'resourceCreationTime',
  'configurationItemCaptureTime',
  'configurationItemStatus',
  'tags',
  'configuration',
  'supplementaryConfiguration',
] as const;

/**
 * The queries that list `types`, each within the 4,096-character limit:
 * `resourceType IN (...)` keeps them to one query for the whole catalog.
 *
 * @example
 * buildExpressions(['AWS::S3::Bucket'], '') // ["SELECT resourceId, ... WHERE resourceType IN ('AWS::S3::Bucket')"]
 */
export function buildExpressions(types: readonly string[], condition: string): string[] {
  const head = `SELECT ${SELECT_FIELDS.join(', ')} WHERE resourceType IN (`;
  const tail = `)${condition}`;
  const expressions: string[] = [];
  let chunk: string[] = [];
  const render = (list: string[]) => `${head}${list.map((type) => `'${type}'`).join(', ')}${tail}`;
  for (const type of types) {
    if (chunk.length > 0 && render([...chunk, type]).length > MAX_EXPRESSION_LENGTH) {
      expressions.push(render(chunk));
      chunk = [];
    }
    chunk.push(type);
  }
  if (chunk.length > 0) expressions.push(render(chunk));
  return expressions;
}

/** One query as run: the IPE evidence of what was asked and what came back. */
export interface QueryRecord {
  api: 'SelectResourceConfig' | 'SelectAggregateResourceConfig';
  region: string;
  aggregator?: string;
  expression: string;
  pages: number;
  rows: number;
  /** False when a page failed: the rows after it are missing (see collectionErrors). */
  complete: boolean;
}
