/**
 * The 5 Whys view's tree, built from the server's `postmortem/fiveWhys` answer. No vscode import:
 * the view (fiveWhysView.ts) only turns these nodes into TreeItems, and tests build trees directly.
 *
 * One node per chain (labelled by its problem statement, else its heading), its whys in order with each answer
 * nested under its why, and the root cause marked: an explicit "Root cause:" line is its own node;
 * otherwise the last answer is the conclusion and is marked as the root cause.
 */
import type { Range } from 'vscode-languageserver-protocol';
import type { FiveWhysChainInfo, FiveWhysResult } from '../../../common/protocol';
import { shorten } from './labels';

export type FiveWhysIcon = 'chain' | 'chain-warning' | 'why' | 'answer' | 'root-cause' | 'root-cause-warning';

export interface FiveWhysNode {
  /** Stable within one answer: chain index and position ("c0/w1/a"). */
  id: string;
  kind: 'chain' | 'why' | 'answer' | 'root-cause';
  label: string;
  description?: string;
  tooltip: string;
  icon: FiveWhysIcon;
  /** What a click reveals. */
  range: Range;
  /** Index of the chain in the answer (for "Ask why again"). */
  chain: number;
  /** Set on chain nodes that end at a person's action: the view shows a warning and "Ask why again". */
  endsInHumanAction?: boolean;
  children: FiveWhysNode[];
}

export const HUMAN_ACTION_TOOLTIP =
  "This chain stops at a person's action. Ask why again: what in the system made that action possible or likely (a missing check, confirmation or guard)?";

const sameRange = (a: Range | undefined, b: Range | undefined) =>
  !!a && !!b && a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

function chainNode(chain: FiveWhysChainInfo, index: number): FiveWhysNode {
  const id = `c${index}`;
  const children: FiveWhysNode[] = [];
  const human = chain.endsInHumanAction;
  const lastAnswer = chain.steps[chain.steps.length - 1]?.answer;
  const rootIsLastAnswer = !chain.rootCause || sameRange(chain.rootCause.range, lastAnswer?.range);
  chain.steps.forEach((step, i) => {
    const n = i + 1;
    const answerChildren: FiveWhysNode[] = [];
    if (step.answer) {
      const isRoot = rootIsLastAnswer && i === chain.steps.length - 1;
      answerChildren.push({
        id: `${id}/w${i}/a`,
        kind: isRoot ? 'root-cause' : 'answer',
        label: shorten(step.answer.text),
        description: isRoot ? 'root cause' : undefined,
        tooltip: isRoot && human ? `${step.answer.text}\n\n${HUMAN_ACTION_TOOLTIP}` : step.answer.text,
        icon: isRoot ? (human ? 'root-cause-warning' : 'root-cause') : 'answer',
        range: step.answer.range,
        chain: index,
        children: [],
      });
    }
    if (step.why) {
      children.push({
        id: `${id}/w${i}`,
        kind: 'why',
        label: shorten(step.why.text) || `Why ${n}`,
        description: `why ${n}`,
        tooltip: step.why.text,
        icon: 'why',
        range: step.why.range,
        chain: index,
        children: answerChildren,
      });
    } else {
      // An answer with no question of its own (a numbered list of answers): listed in order.
      children.push(...answerChildren.map((a) => ({ ...a, description: a.description ?? `answer ${n}` })));
    }
  });
  if (chain.rootCause && !rootIsLastAnswer) {
    children.push({
      id: `${id}/r`,
      kind: 'root-cause',
      label: shorten(chain.rootCause.text),
      description: 'root cause',
      tooltip: human ? `${chain.rootCause.text}\n\n${HUMAN_ACTION_TOOLTIP}` : chain.rootCause.text,
      icon: human ? 'root-cause-warning' : 'root-cause',
      range: chain.rootCause.range,
      chain: index,
      children: [],
    });
  }
  const title = chain.problem?.text ?? chain.heading?.text ?? (chain.section ? `${chain.section}: chain ${index + 1}` : `Chain ${index + 1}`);
  const about = chain.problem && chain.heading ? `${chain.heading.text}: ${chain.problem.text}` : title;
  const whys = chain.steps.length;
  const description = [`${whys} ${whys === 1 ? 'why' : 'whys'}`, ...(human ? ["ends at a person's action"] : [])].join(' · ');
  return {
    id,
    kind: 'chain',
    label: shorten(title),
    description,
    tooltip: human ? `${about}\n\n${HUMAN_ACTION_TOOLTIP}` : about,
    icon: human ? 'chain-warning' : 'chain',
    range: chain.heading?.range ?? chain.problem?.range ?? chain.range,
    chain: index,
    endsInHumanAction: human,
    children,
  };
}

/** The tree of one `postmortem/fiveWhys` answer: empty for no answer, a non-postmortem or a skipped file. */
export function buildFiveWhysTree(result: FiveWhysResult | null | undefined): FiveWhysNode[] {
  if (!result || !result.isPostmortem || result.skipped) return [];
  return result.chains.map(chainNode);
}

/**
 * The data behind the 5 Whys view: the last answer and its tree. `update` says whether anything the
 * view shows changed, so the view redraws only then.
 */
export class FiveWhysTreeData {
  private roots: FiveWhysNode[] = [];
  private key = '';
  /** The document and version the tree was built from. */
  uri?: string;
  version?: number;

  update(result: FiveWhysResult | null | undefined): boolean {
    const roots = buildFiveWhysTree(result);
    this.uri = result?.uri;
    this.version = result?.version;
    const key = JSON.stringify(roots);
    if (key === this.key) return false;
    this.key = key;
    this.roots = roots;
    return true;
  }

  clear(): boolean {
    return this.update(undefined);
  }

  children(node?: FiveWhysNode): FiveWhysNode[] {
    return node ? node.children : this.roots;
  }

  get isEmpty(): boolean {
    return this.roots.length === 0;
  }
}
