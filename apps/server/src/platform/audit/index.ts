export { appendAudit, appendAudits } from './append.ts';
export type { AuditInput } from './append.ts';
export { verifyAuditChain } from './verify.ts';
export type { AuditAnchor, ChainVerification } from './verify.ts';
export { atAsText } from './canonical.ts';
