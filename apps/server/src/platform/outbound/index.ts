export { inbound } from './envelope.ts';
export type { Envelope, InboundHandler } from './envelope.ts';
export { EnvelopeRefusedError, inboundContext, inboundHandlers, sendEnvelope } from './deliver.ts';
