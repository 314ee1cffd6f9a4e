/**
 * The ordered registry of rules. Adding a rule: write rules/<id>.ts with defineRule, add it here,
 * write docs/rules/<id>.md and test/fixtures/rules/<id>/{flagged,clean}.md. A test checks all four.
 */
import type { Rule } from './defineRule';
import { actionItemDueMissing } from './action-item-due-missing';
import { actionItemDueWindow } from './action-item-due-window';
import { actionItemOverdue } from './action-item-overdue';
import { actionItemOwnerMissing } from './action-item-owner-missing';
import { actionItemOwnerTeam } from './action-item-owner-team';
import { actionItemTicketMissing } from './action-item-ticket-missing';
import { actionItemTypeMissing } from './action-item-type-missing';
import { actionItemVague } from './action-item-vague';
import { blameLanguage } from './blame-language';
import { hindsightBias } from './hindsight-bias';
import { humanErrorRootCause } from './human-error-root-cause';
import { personAsCause } from './person-as-cause';
import { metadataInvalid } from './metadata-invalid';
import { sectionMissing } from './section-missing';
import { sectionEmpty } from './section-empty';
import { placeholderText } from './placeholder-text';
import { metadataMissing } from './metadata-missing';
import { timelineTimezone } from './timeline-timezone';
import { timelineOrder } from './timeline-order';
import { timelineVagueTime } from './timeline-vague-time';
import { impactUnquantified } from './impact-unquantified';
import { summaryTooLong } from './summary-too-long';
import { fiveWhysShallow } from './five-whys-shallow';
import { contributingFactorVague } from './contributing-factor-vague';
import { suppressionReasonMissing } from './suppression-reason-missing';
import { suppressionUnused } from './suppression-unused';

export const RULES: readonly Rule[] = [
  blameLanguage,
  personAsCause,
  humanErrorRootCause,
  hindsightBias,
  actionItemVague,
  actionItemOwnerMissing,
  actionItemOwnerTeam,
  actionItemDueMissing,
  actionItemDueWindow,
  actionItemOverdue,
  actionItemTicketMissing,
  actionItemTypeMissing,
  sectionMissing,
  sectionEmpty,
  placeholderText,
  metadataMissing,
  metadataInvalid,
  timelineTimezone,
  timelineOrder,
  timelineVagueTime,
  impactUnquantified,
  summaryTooLong,
  fiveWhysShallow,
  contributingFactorVague,
  suppressionReasonMissing,
  suppressionUnused,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** Repository-relative path of a rule's docs page. */
export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/**
 * The docs page of a rule under a base URI (a folder URI ending in '/'): the server passes the
 * extension's own docs folder, so the link works offline and matches the installed version.
 */
export function docsUrl(id: string, base: string): string {
  return base + encodeURIComponent(id) + '.md';
}
