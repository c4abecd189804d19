// Generated from the files of this folder by scripts/gen-rule-index.mjs — do not edit.
// Each rule lives in its own file named after its id.
import type { Rule } from '../engine/types';
import * as communicationPlan from './communication-plan';
import * as conflictingKpi from './conflicting-kpi';
import * as cultureDimension from './culture-dimension';
import * as dateOrder from './date-order';
import * as dependencyCycle from './dependency-cycle';
import * as duplicateId from './duplicate-id';
import * as engagementOverdue from './engagement-overdue';
import * as experimentLoop from './experiment-loop';
import * as externalFactors from './external-factors';
import * as fileTooLarge from './file-too-large';
import * as hypothesisFalsifiable from './hypothesis-falsifiable';
import * as impatientDeadline from './impatient-deadline';
import * as internalError from './internal-error';
import * as kpiCadence from './kpi-cadence';
import * as kpiLag from './kpi-lag';
import * as kpiOwner from './kpi-owner';
import * as kpiSource from './kpi-source';
import * as kpiStale from './kpi-stale';
import * as kpiTarget from './kpi-target';
import * as leadingIndicator from './leading-indicator';
import * as middleManagement from './middle-management';
import * as notDoing from './not-doing';
import * as objectiveKpi from './objective-kpi';
import * as objectiveOwner from './objective-owner';
import * as objectiveWhy from './objective-why';
import * as obstacleChain from './obstacle-chain';
import * as operationsImpact from './operations-impact';
import * as overconfidence from './overconfidence';
import * as ownerOverload from './owner-overload';
import * as personConflict from './person-conflict';
import * as processOwnerInvolved from './process-owner-involved';
import * as questionsChannel from './questions-channel';
import * as relatedStrategies from './related-strategies';
import * as reviewCadence from './review-cadence';
import * as reviewStale from './review-stale';
import * as riskContingency from './risk-contingency';
import * as risksMissing from './risks-missing';
import * as schema from './schema';
import * as stakeholderEngagement from './stakeholder-engagement';
import * as stakeholdersMissing from './stakeholders-missing';
import * as stepOwner from './step-owner';
import * as stepTooLong from './step-too-long';
import * as strategyWhy from './strategy-why';
import * as tacticOwner from './tactic-owner';
import * as tacticSchedule from './tactic-schedule';
import * as tacticSteps from './tactic-steps';
import * as targetAmbition from './target-ambition';
import * as tooManyKpis from './too-many-kpis';
import * as tooManyObjectives from './too-many-objectives';
import * as understandingCheck from './understanding-check';
import * as unitAlignment from './unit-alignment';
import * as unknownReference from './unknown-reference';
import * as unknownStrategy from './unknown-strategy';
import * as unusedSuppression from './unused-suppression';
import * as vagueWording from './vague-wording';
import * as yamlSyntax from './yaml-syntax';

export const rules: readonly Rule[] = [
  communicationPlan,
  conflictingKpi,
  cultureDimension,
  dateOrder,
  dependencyCycle,
  duplicateId,
  engagementOverdue,
  experimentLoop,
  externalFactors,
  fileTooLarge,
  hypothesisFalsifiable,
  impatientDeadline,
  internalError,
  kpiCadence,
  kpiLag,
  kpiOwner,
  kpiSource,
  kpiStale,
  kpiTarget,
  leadingIndicator,
  middleManagement,
  notDoing,
  objectiveKpi,
  objectiveOwner,
  objectiveWhy,
  obstacleChain,
  operationsImpact,
  overconfidence,
  ownerOverload,
  personConflict,
  processOwnerInvolved,
  questionsChannel,
  relatedStrategies,
  reviewCadence,
  reviewStale,
  riskContingency,
  risksMissing,
  schema,
  stakeholderEngagement,
  stakeholdersMissing,
  stepOwner,
  stepTooLong,
  strategyWhy,
  tacticOwner,
  tacticSchedule,
  tacticSteps,
  targetAmbition,
  tooManyKpis,
  tooManyObjectives,
  understandingCheck,
  unitAlignment,
  unknownReference,
  unknownStrategy,
  unusedSuppression,
  vagueWording,
  yamlSyntax,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
