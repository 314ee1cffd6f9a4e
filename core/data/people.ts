/**
 * Words that tell people from systems. Reviewed data: add a tool here only when it is widely known
 * and its name is also a person's name; anything team-specific belongs in `people.notPeople` of
 * .postmortemrc.yaml.
 */

/** Well-known tools and services whose names are, or look like, people's names. Lower case. */
export const KNOWN_TOOLS = new Set([
  'jenkins', 'hermes', 'apollo', 'athena', 'jaeger', 'prometheus', 'grafana', 'loki', 'tempo', 'thanos', 'cassandra', 'hugo',
  'jekyll', 'ansible', 'chef', 'puppet', 'consul', 'vault', 'nomad', 'envoy', 'istio', 'linkerd', 'celery', 'sidekiq',
  'kafka', 'zookeeper', 'hadoop', 'spark', 'flink', 'airflow', 'dagster', 'argo', 'flux', 'helm', 'harbor', 'sentry',
  'heroku', 'netlify', 'vercel', 'django', 'rails', 'laravel', 'spring', 'karpenter', 'terraform', 'kubernetes', 'docker',
  'redis', 'postgres', 'mysql', 'mongo', 'elastic', 'kibana', 'logstash', 'fluentd', 'traefik', 'nginx', 'caddy', 'jira',
  'slack', 'github', 'gitlab', 'pagerduty', 'opsgenie', 'datadog', 'splunk', 'okta', 'auth0', 'cloudflare', 'fastly',
  'akamai', 'stripe', 'twilio', 'sendgrid', 'mailgun', 'renovate', 'dependabot', 'copilot', 'alexa', 'siri', 'cortana',
  'elixir', 'rust', 'mocha', 'jest',
  'sinon', 'cypress', 'selenium', 'gatsby', 'remix', 'astro', 'mercury', 'juno',
  'hydra', 'triton', 'neptune', 'calypso',
  'kiam', 'velero', 'rancher', 'tekton', 'spinnaker', 'buildkite', 'circleci', 'travis', 'bamboo', 'octopus',
]);

/** Nouns that make the word before them (or after "X, the …") a system: "the Iris orchestrator". */
export const SYSTEM_NOUNS = [
  'service', 'system', 'scheduler', 'orchestrator', 'bot', 'chatbot', 'job', 'cron', 'worker', 'pipeline', 'database', 'db',
  'cluster', 'queue', 'broker', 'proxy', 'gateway', 'server', 'api', 'platform', 'tool', 'library', 'framework', 'engine',
  'generator', 'controller', 'operator', 'provisioner', 'autoscaler', 'agent', 'daemon', 'plugin', 'extension', 'app',
  'application', 'dashboard', 'store', 'cache', 'index', 'model', 'runner', 'script', 'monitor', 'alert', 'alerts', 'traces',
  'logs', 'metrics', 'pods', 'pod', 'nodes', 'node', 'deployment', 'instance', 'instances', 'backend', 'frontend', 'cdn',
  'sdk', 'client', 'integration', 'webhook', 'feature', 'flag', 'repo', 'repository', 'bucket', 'stream', 'streams',
  'topic', 'table', 'console', 'portal', 'site', 'mail', 'email', 'chat', 'search', 'processor', 'balancer', 'resolver',
  'helper', 'robot', 'assistant', 'automation', 'relay', 'router', 'builder', 'checker', 'watcher', 'crawler', 'poller',
];

/** Verbs only people do; "X said" makes X a person in this document. */
export const PERSON_ONLY_VERBS = [
  'said', 'says', 'thought', 'thinks', 'told', 'tells', 'joined', 'joins', 'took command', 'takes command', 'agreed', 'agrees',
  'felt', 'feels', 'realised', 'realized', 'realises', 'realizes', 'remembered', 'remembers', 'decided', 'decides',
  'messaged', 'emailed', 'called', 'phoned', 'volunteered', 'apologised', 'apologized', 'was on call', 'is on call',
  'was negligent', 'was careless', 'was tired', 'went home', 'was on leave', 'was on vacation', 'hand-edited',
];
