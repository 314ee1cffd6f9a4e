import { TEAM_OWNERS, TEAM_WORDS } from '../data/actionItemWords';
import { fieldFix, ownerPlaceholder } from './actionItemCommon';
import { NO_OWNER } from './action-item-owner-missing';
import { defineRule } from './defineRule';
import { withoutTrailingParenthesis } from '../language/regexp';

const TEAM_OWNER_SET = new Set(TEAM_OWNERS);
const TEAM_WORD_SET = new Set(TEAM_WORDS);

function isTeamHandle(handle: string): boolean {
  const h = handle.slice(1).toLowerCase();
  if (h.includes('/')) return true; // @org/team: a team mention
  if (TEAM_OWNER_SET.has(h)) return true;
  return h.split(/[-_.]+/).some((seg) => TEAM_WORD_SET.has(seg));
}

function isTeamName(name: string): boolean {
  const v = name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (TEAM_OWNER_SET.has(v)) return true;
  const words = v.split(/[\s-]+/);
  // "SRE team", "payments squad", and "Team Payments".
  return words.length > 1 && (TEAM_WORD_SET.has(words[words.length - 1]) || words[0] === 'team') && !/^@/.test(v);
}

/**
 * Who an owner value names: one person, a team or group, several people, or nobody (which is
 * action-item-owner-missing's to report).
 */
export function ownerKind(value: string): 'person' | 'team' | 'several' | 'none' {
  let v = value
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;,]$/, '');
  if (NO_OWNER.test(v)) return 'none';
  // "SRE (@kim)", "Platform — Kim Lee": a person named with the team is the owner.
  const inParens = /\((@[\w.-]+|[\p{Lu}][\p{Ll}'-]+(?:\s[\p{Lu}][\p{Ll}'-]+)?)\)\s*$/u.exec(v);
  if (inParens && !/^@[\w.-]*(?:team|ops)\b/i.test(inParens[1])) return 'person';
  v = withoutTrailingParenthesis(v);
  if (/^[\w.+-]+@[\w-]+\.[\w.-]+$/.test(v)) return 'person';
  const parts = v.split(/(?:(?<!\s)\s+)?(?:,|;|&|\+|\band\b|\s\/\s|(?<=\S)\/(?=@))\s*/i).filter((p) => p.trim());
  if (parts.length > 1) return parts.some((p) => (p.startsWith('@') ? isTeamHandle(p) : isTeamName(p))) ? 'team' : 'several';
  if (v.startsWith('@')) return isTeamHandle(v.split(/\s/)[0]) ? 'team' : 'person';
  return isTeamName(v) ? 'team' : 'person';
}

export const actionItemOwnerTeam = defineRule({
  id: 'action-item-owner-team',
  defaultSeverity: 'warning',
  summary: 'An action item is owned by a team or group ("SRE team", "@platform-team", "everyone") rather than one person.',
  fixable: true,
  check(ctx) {
    for (const item of ctx.model.actionItems) {
      const f = item.fields.owner;
      if (!f) continue;
      const kind = ownerKind(f.value);
      if (kind !== 'team' && kind !== 'several') continue;
      const owner = f.value.replace(/[*_`]/g, '').trim();
      const message =
        kind === 'team'
          ? `The owner "${owner}" is a group, not one person; name the one person who drives this item to done and can pull in the rest.`
          : `The owner "${owner}" names several people; name the one person who drives this item to done and list the others as helpers.`;
      const fix = fieldFix(ctx, item, 'owner', ownerPlaceholder(ctx));
      ctx.report(item.span, message, fix ? [{ ...fix, title: 'Replace with one person as owner' }] : undefined);
    }
  },
});
