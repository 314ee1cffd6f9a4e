/** `--help` text. */
export const HELP = `Usage: postmortem-lint [options] <files, folders or globs>
       postmortem-lint report [options] <files, folders or globs>   (see report --help)

Checks incident postmortems written in Markdown for blame wording, action items without owners,
missing sections, invalid metadata and more. Folders and globs expand to Markdown files
(node_modules, .git and hidden folders skipped); files named explicitly are always checked.

Output
  -f, --format <name>       stylish (default), json, sarif or github (workflow annotations)
  -q, --quiet               show errors only (the exit code still counts warnings for --max-warnings)
      --color, --no-color   force colour on or off (default: colour when stdout is a terminal)

Rules and configuration
  -c, --config <file>       use this .postmortemrc.yaml/.json for every file instead of discovery
      --rule <id=severity>  set a rule's severity (off, hint, info, warning, error); repeatable
      --today <YYYY-MM-DD>  the date that date rules compare with (default: today)
      --list-rules          list the rules (with --format json: as JSON)

Fixing
      --fix                 apply each finding's preferred fix and write the files
      --fix-dry-run         print the fixes as a unified diff; write nothing

Input
      --stdin               read one document from standard input
      --stdin-filename <p>  the path to report (and to find the config from) for --stdin

Exit status
      --max-warnings <n>    exit 1 when there are more than n warnings
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no errors, 1 errors found (or --max-warnings exceeded), 2 usage, configuration or I/O error.
`;
