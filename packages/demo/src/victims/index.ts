export { generateVictimScenario } from './generate.ts';
export type {
  DemoConsent,
  DemoIdentity,
  DemoReferral,
  DemoReferralEvent,
  DemoScreening,
  DemoVictim,
  DemoVictimScenario,
  VictimIndicator,
  VictimInstruments,
  VictimScenarioOptions,
} from './generate.ts';
