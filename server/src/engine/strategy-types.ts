/* eslint-disable */
// Generated from schemas/strategy.schema.json by scripts/gen-types.mjs — do not edit.
// Change the schema, then run `npm run gen`.

/**
 * A short identifier made of letters and digits, with words joined by single hyphens (kebab-case). Other parts of the document use it to point at this item.
 */
export type Id = string;
/**
 * Where the strategy stands in its life: draft, active, paused or done.
 */
export type StrategyStatus = 'draft' | 'active' | 'paused' | 'done';
/**
 * A calendar date written as YYYY-MM-DD.
 */
export type CalendarDate = string;
/**
 * A list of short statements in plain words.
 */
export type StringList = string[];
/**
 * A person's level in the organisation: executive, manager or frontline.
 */
export type ManagementLevel = 'executive' | 'manager' | 'frontline';
/**
 * How a stakeholder feels about the strategy, from champion to resistant.
 */
export type Stance = 'champion' | 'supporter' | 'neutral' | 'skeptic' | 'resistant';
/**
 * A three-step rating: low, medium or high.
 */
export type Rating = 'low' | 'medium' | 'high';
/**
 * A list of ids pointing at other items of the document.
 */
export type IdList = Id[];
/**
 * Whether the indicator moves early and predicts results (leading) or measures the result itself once it is there (lagging).
 */
export type KpiType = 'leading' | 'lagging';
/**
 * How often something happens: weekly, biweekly, monthly, quarterly, or an ISO-8601 duration such as P2W for every two weeks.
 */
export type Cadence = string;
/**
 * A length of time written as an ISO-8601 duration: P2W is two weeks, P1M one month, P3M three months.
 */
export type Duration = string;
/**
 * Whether the tactic is rolled out as planned (rollout) or tried first on a small scale to learn (experiment).
 */
export type TacticKind = 'rollout' | 'experiment';
/**
 * What the tactic changes: how work is done (operational), how people think and behave (cultural), or what the organisation is able to do (capability).
 */
export type Dimension = 'operational' | 'cultural' | 'capability';
/**
 * Whether a risk comes from inside the organisation or from its environment.
 */
export type RiskSource = 'internal' | 'external';
/**
 * The kind of internal channel used to talk about the strategy.
 */
export type CommunicationChannelType =
  | 'service-meeting'
  | 'internal-blog'
  | 'board'
  | 'podcast'
  | 'newsletter'
  | 'town-hall'
  | 'chat'
  | 'email'
  | 'workshop'
  | 'other';
/**
 * How another strategy relates to this one: it supports it, competes with it, or shares resources with it.
 */
export type Relation = 'supports' | 'competes' | 'shares-resources';

/**
 * A strategy document checked by stratlint: what the strategy is for, who owns what, how progress is measured and how it is reviewed.
 */
export interface Strategy {
  /**
   * Version of the stratlint document format. Write 1.
   */
  stratlint: 1;
  /**
   * Identifier of this strategy, unique across the workspace. Other strategies refer to it in related_strategies.
   */
  id: Id;
  /**
   * The strategy in one sentence, with a measurable outcome when possible.
   */
  title: string;
  /**
   * The person accountable for the strategy as a whole (an id from people).
   */
  owner?: Id;
  /**
   * Where the strategy stands: draft, active, paused or done.
   */
  status?: StrategyStatus;
  /**
   * The period the strategy covers, as a start and an end date.
   */
  horizon?: Horizon;
  /**
   * Why this strategy is needed, in plain words anyone involved can repeat. People commit to what they understand.
   */
  why?: string;
  /**
   * What the strategy deliberately leaves out. Naming non-goals keeps effort from drifting.
   */
  not_doing?: StringList;
  /**
   * The internal and external situation the strategy responds to.
   */
  context?: Context;
  /**
   * The beliefs the strategy rests on, each with what would prove it wrong.
   */
  hypotheses?: Hypothesis[];
  /**
   * The departments or business units involved in the strategy.
   */
  units?: Unit[];
  /**
   * The people who own or contribute to the strategy. Owners everywhere in the document refer to them.
   */
  people?: Person[];
  /**
   * The units or people whose support the strategy needs, where they stand and how they will be engaged.
   */
  stakeholders?: Stakeholder[];
  /**
   * What the strategy must achieve, each with an owner, KPIs and tactics.
   */
  objectives?: Objective[];
  /**
   * Business-as-usual procedures the strategy may disturb, with their owners.
   */
  processes?: Process[];
  /**
   * What could make the strategy fail, how each risk is reduced and what happens if it occurs anyway.
   */
  risks?: Risk[];
  /**
   * The regular review where progress is checked and the plan adapted.
   */
  reviews?: Reviews;
  /**
   * How the strategy is communicated inside the organisation and how understanding is checked.
   */
  communication?: Communication;
  /**
   * The shifts in mindset and behaviour the strategy needs.
   */
  culture?: Culture;
  /**
   * Other strategies this one supports, competes with or shares resources with.
   */
  related_strategies?: RelatedStrategy[];
  /**
   * The systems that hold the data and connect the work. KPIs name them as their source.
   */
  tools?: Tool[];
}
/**
 * The period the strategy covers, from its start date to its end date.
 */
export interface Horizon {
  /**
   * The day the strategy starts.
   */
  start?: CalendarDate;
  /**
   * The day the strategy ends. Tactic dates, step deadlines and KPI targets should fall before it.
   */
  end?: CalendarDate;
}
/**
 * The internal and external situation the strategy responds to.
 */
export interface Context {
  /**
   * Who the strategy is aimed at, described in plain words.
   */
  audiences?: StringList;
  /**
   * Who the customers are today and how many there are, as one sentence or a list.
   */
  customers?: string | string[];
  /**
   * What the organisation does well that the strategy can build on.
   */
  strengths?: StringList;
  /**
   * What holds the organisation back and the strategy has to work around or fix.
   */
  weaknesses?: StringList;
  /**
   * The competitors that matter for this strategy.
   */
  competitors?: StringList;
  /**
   * External factors the strategy does not control but must watch, such as market trends, regulation or the economy.
   */
  market?: StringList;
}
/**
 * A belief the strategy rests on, stated so that it can be proven wrong.
 */
export interface Hypothesis {
  /**
   * Identifier of the hypothesis, unique in the document. Experiments refer to it.
   */
  id: Id;
  /**
   * What you believe to be true, in one sentence.
   */
  statement: string;
  /**
   * What you already know that supports the belief.
   */
  evidence?: StringList;
  /**
   * The observation that would prove the belief wrong, ideally with a number and a date.
   */
  invalidated_if?: string;
}
/**
 * A department or business unit involved in the strategy.
 */
export interface Unit {
  /**
   * Identifier of the unit, unique in the document. People, objectives and communication channels refer to it.
   */
  id: Id;
  /**
   * The name of the unit as people know it.
   */
  name: string;
}
/**
 * Someone who owns or contributes to part of the strategy.
 */
export interface Person {
  /**
   * Identifier of the person, unique in the document. Owners and contributors refer to it.
   */
  id: Id;
  /**
   * The person's name as colleagues know it.
   */
  name: string;
  /**
   * The person's level: executive, manager or frontline. Strategies need managers, not only executives, to carry them.
   */
  level?: ManagementLevel;
  /**
   * The unit the person belongs to (an id from units).
   */
  unit?: Id;
}
/**
 * A unit or person whose support the strategy needs.
 */
export interface Stakeholder {
  /**
   * The unit or person concerned (an id from units or people).
   */
  who: Id;
  /**
   * How they feel about the strategy today. Skeptics and resisters need an engagement plan.
   */
  stance?: Stance;
  /**
   * How much they can help or hinder the strategy: low, medium or high.
   */
  influence?: Rating;
  /**
   * The plan to win them over: owner, action and date of the next step.
   */
  engagement?: Engagement;
}
/**
 * The plan to win a stakeholder over: who does what, and when.
 */
export interface Engagement {
  /**
   * The person in charge of engaging this stakeholder (an id from people).
   */
  owner?: Id;
  /**
   * What will be done to address the stakeholder's concerns.
   */
  action?: string;
  /**
   * When the next engagement action is due.
   */
  next?: CalendarDate;
}
/**
 * Something the strategy must achieve, with an owner, indicators and the tactics that get there.
 */
export interface Objective {
  /**
   * Identifier of the objective, unique in the document.
   */
  id: Id;
  /**
   * The outcome to reach, with a number when possible.
   */
  title: string;
  /**
   * Why this objective matters, in plain words for the people who will work on it.
   */
  why?: string;
  /**
   * The one person accountable for the objective (an id from people).
   */
  owner?: Id;
  /**
   * Other people who help reach the objective (ids from people).
   */
  contributors?: IdList;
  /**
   * Units involved in the objective (ids from units). They should all be reached by a communication channel.
   */
  units?: IdList;
  /**
   * How likely you honestly think the objective is to be reached, from 0 (not at all) to 1 (certain).
   */
  confidence?: number;
  /**
   * The indicators that show whether the objective is being reached; one to four is a good number.
   */
  kpis?: Kpi[];
  /**
   * The lines of action that move the objective forward.
   */
  tactics?: Tactic[];
}
/**
 * A key performance indicator: a number that shows whether the objective is being reached.
 */
export interface Kpi {
  /**
   * Identifier of the KPI, unique in the document. Experiments refer to it as their metric.
   */
  id: Id;
  /**
   * What is measured, in plain words.
   */
  name: string;
  /**
   * Leading indicators move early and warn you in time; lagging indicators confirm the result once it is there.
   */
  type?: KpiType;
  /**
   * The unit the values are expressed in.
   */
  unit?: string;
  /**
   * The value at the start, and when it was measured. Without it progress cannot be judged.
   */
  baseline?: Measure;
  /**
   * The value to reach and the date to reach it by.
   */
  target?: Target;
  /**
   * The latest value and when it was measured. Update it at every measurement.
   */
  current?: Measure;
  /**
   * The person who measures and reports this KPI (an id from people).
   */
  owner?: Id;
  /**
   * The tool the values come from (an id from tools).
   */
  source?: Id;
  /**
   * How often the KPI is measured.
   */
  cadence?: Cadence;
  /**
   * How long after the tactics start before results can show in this KPI. Judging earlier leads to abandoning good tactics.
   */
  expected_lag?: Duration;
}
/**
 * A value of the indicator and the date it was measured.
 */
export interface Measure {
  /**
   * The measured value, in the unit of the KPI.
   */
  value?: number;
  /**
   * The date the value was measured. A value is only meaningful with its date.
   */
  as_of?: CalendarDate;
}
/**
 * The value the indicator should reach and the date by which it should reach it.
 */
export interface Target {
  /**
   * The value to reach, in the unit of the KPI.
   */
  value?: number;
  /**
   * The date by which the value should be reached. Leave time for results to show (see expected_lag).
   */
  by?: CalendarDate;
}
/**
 * A concrete line of action that moves an objective forward.
 */
export interface Tactic {
  /**
   * Identifier of the tactic, unique in the document. Other tactics refer to it in depends_on.
   */
  id: Id;
  /**
   * What the tactic does, in concrete words.
   */
  title: string;
  /**
   * The one person accountable for the tactic (an id from people).
   */
  owner?: Id;
  /**
   * The marketing or delivery channel used, in free text.
   */
  channel?: string;
  /**
   * Rollout when the approach is known to work; experiment when it is tried small first to learn.
   */
  kind?: TacticKind;
  /**
   * What the tactic changes: operations, culture or capabilities.
   */
  dimension?: Dimension;
  /**
   * When work on the tactic starts.
   */
  start?: CalendarDate;
  /**
   * When the tactic must be completed.
   */
  due?: CalendarDate;
  /**
   * Tactics that must be done before this one can start (tactic ids).
   */
  depends_on?: IdList;
  /**
   * Business-as-usual processes this tactic disturbs (ids from processes). An empty list states explicitly that it disturbs none.
   */
  affects?: IdList;
  /**
   * For an experiment: the hypothesis tested, the metric, the duration and the decision rule.
   */
  experiment?: Experiment;
  /**
   * The small steps that make up the tactic, each with an owner and a deadline.
   */
  steps?: Step[];
}
/**
 * How a small-scale trial is set up and what decision it will lead to.
 */
export interface Experiment {
  /**
   * The hypothesis the experiment tests (an id from hypotheses).
   */
  hypothesis?: Id;
  /**
   * The KPI that tells whether it worked (a KPI id).
   */
  metric?: Id;
  /**
   * How long the experiment runs before a decision is taken.
   */
  duration?: Duration;
  /**
   * What result leads to scaling up, changing course or stopping, decided before the experiment starts.
   */
  decision_rule?: string;
}
/**
 * A small, concrete piece of work within a tactic, with one owner and a deadline.
 */
export interface Step {
  /**
   * What will be done, concretely.
   */
  title: string;
  /**
   * The person who does the step (an id from people).
   */
  owner?: Id;
  /**
   * When the step must be done. Keep steps short: a few weeks at most.
   */
  due?: CalendarDate;
}
/**
 * A business-as-usual procedure the strategy may disturb.
 */
export interface Process {
  /**
   * Identifier of the process, unique in the document. Tactics refer to it in affects.
   */
  id: Id;
  /**
   * The name of the process as people know it.
   */
  name: string;
  /**
   * The person responsible for the process today (an id from people). They should be involved before it is disturbed.
   */
  owner?: Id;
}
/**
 * Something that could make the strategy fail, with how to reduce it and what to do if it happens.
 */
export interface Risk {
  /**
   * Identifier of the risk, unique in the document.
   */
  id: Id;
  /**
   * What could go wrong, in one sentence.
   */
  description: string;
  /**
   * Whether the risk comes from inside the organisation or from outside.
   */
  source?: RiskSource;
  /**
   * How likely the risk is to happen: low, medium or high.
   */
  likelihood?: Rating;
  /**
   * How much harm it would do: low, medium or high.
   */
  impact?: Rating;
  /**
   * What is done now to make the risk less likely or less harmful.
   */
  mitigation?: string;
  /**
   * The fallback plan if the risk happens anyway.
   */
  contingency?: string;
  /**
   * The person who watches the risk and triggers the fallback (an id from people).
   */
  owner?: Id;
}
/**
 * The regular meeting where progress is checked and the plan adapted.
 */
export interface Reviews {
  /**
   * How often the review takes place. Monthly or more often keeps the plan in touch with reality.
   */
  cadence?: Cadence;
  /**
   * The person who runs the review (an id from people).
   */
  owner?: Id;
  /**
   * The meeting or place where the review happens.
   */
  forum?: string;
  /**
   * When the last review took place.
   */
  last?: CalendarDate;
  /**
   * What the review changes in the plan, and what triggers that change.
   */
  adapts?: string;
}
/**
 * How the strategy is shared inside the organisation and how understanding is checked.
 */
export interface Communication {
  /**
   * The internal channels used; use several, with at least one where people can answer back.
   */
  channels?: CommunicationChannel[];
  /**
   * How you check that people understood the strategy.
   */
  understanding_check?: UnderstandingCheck;
  /**
   * Where people can ask questions about the strategy, such as a chat channel or a mailbox.
   */
  questions?: string;
}
/**
 * An internal channel used to talk about the strategy, and who it reaches.
 */
export interface CommunicationChannel {
  /**
   * The kind of channel.
   */
  channel: CommunicationChannelType;
  /**
   * The units the channel reaches (ids from units), or all for the whole organisation.
   */
  audience?: Id[];
  /**
   * How often the channel carries news about the strategy.
   */
  cadence?: Cadence;
  /**
   * The person who runs the channel (an id from people).
   */
  owner?: Id;
  /**
   * Whether people can answer, ask and push back through this channel, not only listen.
   */
  two_way?: boolean;
}
/**
 * How you check that people have understood the strategy, not just heard about it.
 */
export interface UnderstandingCheck {
  /**
   * How understanding is checked.
   */
  method?: string;
  /**
   * The share of people who should understand the strategy, from 0 to 1 (0.8 means 80%).
   */
  target?: number;
  /**
   * How often understanding is checked.
   */
  cadence?: Cadence;
}
/**
 * The changes in mindset and behaviour the strategy needs.
 */
export interface Culture {
  /**
   * Each shift from a current belief or habit to a new one.
   */
  shifts?: CultureShift[];
}
/**
 * A change in how people think or behave, from the current belief to the new one.
 */
export interface CultureShift {
  /**
   * The belief or habit people hold today.
   */
  from: string;
  /**
   * The belief or habit the strategy needs instead.
   */
  to: string;
}
/**
 * Another strategy in the workspace that interacts with this one.
 */
export interface RelatedStrategy {
  /**
   * The id of the other strategy document.
   */
  ref: Id;
  /**
   * How the other strategy relates to this one.
   */
  relation?: Relation;
}
/**
 * A system that holds data or connects the work, such as a shop platform or an analytics tool.
 */
export interface Tool {
  /**
   * Identifier of the tool, unique in the document. KPIs name it as their source.
   */
  id: Id;
  /**
   * The product name of the tool.
   */
  name: string;
  /**
   * Other tools this one exchanges data with (ids from tools).
   */
  integrates_with?: IdList;
}
