/**
 * @deprecated The table definitions live with the DynamoDB adapter: import `adapters/dynamodb/table-defs.js`.
 * Kept only while scripts/bench (edited on another branch) still imports this path; delete after the merge.
 */
export * from '../adapters/dynamodb/table-defs.js';
