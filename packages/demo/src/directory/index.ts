export { DEMO_CONTACT_POINTS, generateContactPoints } from './contact-points.ts';
export type { ContactPointTemplate, DemoContactPoint } from './contact-points.ts';
