/**
 * A strict reader of VS Code's snippet syntax, for tests: parses a body into tab stops, placeholders,
 * choices, variables and text, and expands it the way the editor would when the author accepts every
 * default (placeholders take their default text, choices their first option, variables fixed values).
 *
 * Stricter than the editor on purpose: the editor inserts a malformed `${…` or an unknown variable as
 * literal text, which would silently put junk into a postmortem; here both are errors.
 */

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

/** Variables VS Code resolves in snippets (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_variables). */
export const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT',
  'TM_CURRENT_LINE',
  'TM_CURRENT_WORD',
  'TM_LINE_INDEX',
  'TM_LINE_NUMBER',
  'TM_FILENAME',
  'TM_FILENAME_BASE',
  'TM_DIRECTORY',
  'TM_FILEPATH',
  'RELATIVE_FILEPATH',
  'CLIPBOARD',
  'WORKSPACE_NAME',
  'WORKSPACE_FOLDER',
  'CURSOR_INDEX',
  'CURSOR_NUMBER',
  'CURRENT_YEAR',
  'CURRENT_YEAR_SHORT',
  'CURRENT_MONTH',
  'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE',
  'CURRENT_DAY_NAME',
  'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR',
  'CURRENT_MINUTE',
  'CURRENT_SECOND',
  'CURRENT_SECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET',
  'RANDOM',
  'RANDOM_HEX',
  'UUID',
  'BLOCK_COMMENT_START',
  'BLOCK_COMMENT_END',
  'LINE_COMMENT',
]);

/** Fixed values for the variables the tests expand. */
export const TEST_VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2026',
  CURRENT_MONTH: '03',
  CURRENT_DATE: '15',
  CURRENT_HOUR: '14',
  CURRENT_MINUTE: '02',
};

export class SnippetSyntaxError extends Error {}

export function parseSnippet(body: string): SnippetNode[] {
  let pos = 0;

  const fail = (msg: string): never => {
    throw new SnippetSyntaxError(`${msg} at offset ${pos} in: ${JSON.stringify(body.slice(Math.max(0, pos - 20), pos + 20))}`);
  };

  /** Reads nodes until `stop` (a closing brace inside a placeholder) or the end. */
  const readNodes = (inside: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < body.length) {
      const c = body[pos];
      if (c === '\\') {
        const next = body[pos + 1];
        // `\$`, `\}` and `\\` are escapes; any other backslash is literal.
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          pos += 2;
        } else {
          text += c;
          pos++;
        }
        continue;
      }
      if (c === '}' && inside) {
        flush();
        return nodes;
      }
      if (c === '$') {
        const node = readDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
        text += c;
        pos++;
        continue;
      }
      text += c;
      pos++;
    }
    if (inside) fail('unclosed placeholder');
    flush();
    return nodes;
  };

  /** At a `$`: a tab stop, placeholder, choice or variable, or undefined when the `$` is literal. */
  const readDollar = (): SnippetNode | undefined => {
    const rest = body.slice(pos + 1);
    let m: RegExpExecArray | null;
    if ((m = /^\d+/.exec(rest))) {
      pos += 1 + m[0].length;
      return { kind: 'tabstop', index: +m[0] };
    }
    if ((m = /^[A-Z_a-z][A-Z_a-z0-9]*/.exec(rest))) {
      pos += 1 + m[0].length;
      return { kind: 'variable', name: m[0] };
    }
    if (!rest.startsWith('{')) return undefined;
    pos += 2; // past "${"
    if ((m = /^\d+/.exec(body.slice(pos)))) {
      const index = +m[0];
      pos += m[0].length;
      const c = body[pos];
      if (c === '}') {
        pos++;
        return { kind: 'tabstop', index };
      }
      if (c === ':') {
        pos++;
        const children = readNodes(true);
        pos++; // the closing brace
        return { kind: 'tabstop', index, children };
      }
      if (c === '|') {
        pos++;
        const choices: string[] = [];
        let cur = '';
        while (pos < body.length) {
          const ch = body[pos];
          if (ch === '\\' && (body[pos + 1] === ',' || body[pos + 1] === '|' || body[pos + 1] === '\\')) {
            cur += body[pos + 1];
            pos += 2;
          } else if (ch === ',') {
            choices.push(cur);
            cur = '';
            pos++;
          } else if (ch === '|') {
            if (body[pos + 1] !== '}') fail('a choice must end with "|}"');
            choices.push(cur);
            pos += 2;
            if (choices.some((x) => x === '')) fail('empty choice');
            return { kind: 'tabstop', index, choices };
          } else {
            cur += ch;
            pos++;
          }
        }
        fail('unclosed choice');
      }
      return fail('expected "}", ":" or "|" after the tab stop number');
    }
    if ((m = /^[A-Z_a-z][A-Z_a-z0-9]*/.exec(body.slice(pos)))) {
      const name = m[0];
      pos += name.length;
      const c = body[pos];
      if (c === '}') {
        pos++;
        return { kind: 'variable', name };
      }
      if (c === ':') {
        pos++;
        const children = readNodes(true);
        pos++;
        return { kind: 'variable', name, children };
      }
      return fail('variable transforms are not used by these snippets');
    }
    return fail('"${" must start a tab stop or a variable');
  };

  const nodes = readNodes(false);
  return nodes;
}

/** Every tab stop in document order, nested ones included. */
export function tabStops(nodes: SnippetNode[]): Array<Extract<SnippetNode, { kind: 'tabstop' }>> {
  const out: Array<Extract<SnippetNode, { kind: 'tabstop' }>> = [];
  const walk = (ns: SnippetNode[]) => {
    for (const n of ns) {
      if (n.kind === 'tabstop') out.push(n);
      if (n.kind !== 'text' && n.children) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

export function variables(nodes: SnippetNode[]): string[] {
  const out: string[] = [];
  const walk = (ns: SnippetNode[]) => {
    for (const n of ns) {
      if (n.kind === 'variable') out.push(n.name);
      if (n.kind !== 'text' && n.children) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

export interface ExpandOptions {
  /** Text typed into tab stop N (replaces its default or first choice, and its mirrors). */
  values?: Record<number, string>;
  /** Variable values; TEST_VARIABLES by default. */
  variables?: Record<string, string>;
}

/** The text the editor inserts when the author accepts every default (or types `values`). */
export function expandSnippet(body: string | string[], options: ExpandOptions = {}): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const nodes = parseSnippet(text);
  const vars = options.variables ?? TEST_VARIABLES;
  const defaults = new Map<number, SnippetNode[] | string>();
  for (const t of tabStops(nodes)) {
    if (defaults.has(t.index)) continue;
    if (t.children) defaults.set(t.index, t.children);
    else if (t.choices) defaults.set(t.index, t.choices[0]);
  }
  const render = (ns: SnippetNode[]): string =>
    ns
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'variable') {
          if (n.name in vars) return vars[n.name];
          if (n.children) return render(n.children);
          throw new SnippetSyntaxError(`no value for the variable ${n.name}`);
        }
        const typed = options.values?.[n.index];
        if (typed !== undefined) return typed;
        const d = defaults.get(n.index);
        if (d === undefined) return '';
        return typeof d === 'string' ? d : render(d);
      })
      .join('');
  return render(nodes);
}
