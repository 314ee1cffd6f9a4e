/**
 * Ids shared by the client code and package.json's contributions (test/client/contributes.test.ts
 * keeps them in step). No vscode import, so tests read them directly.
 */

export const VIEW_IDS = {
  fiveWhys: 'postmortem.fiveWhys',
  fiveWhysExplorer: 'postmortem.fiveWhysExplorer',
  sections: 'postmortem.sections',
  actionItems: 'postmortem.actionItems',
} as const;

/** Context keys for `when` clauses in package.json (views, welcome content, menus). */
export const CONTEXT = {
  isPostmortem: 'postmortem.activeIsPostmortem',
} as const;

/** The command a tree node's click runs: reveal its line in the document. */
export const REVEAL_COMMAND = 'postmortem.revealRange';

/** The status item's command: open the Problems view. */
export const SHOW_PROBLEMS_COMMAND = 'postmortem.showProblems';

/** The name of the 5 Whys snippet in snippets/postmortem.code-snippets (for editor.action.insertSnippet). */
export const FIVE_WHYS_SNIPPET = 'Postmortem: 5 Whys chain';

/** Delay after an edit or new diagnostics before the views ask the server again. */
export const REFRESH_DELAY_MS = 300;
