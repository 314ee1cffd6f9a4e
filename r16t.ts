const nlp = require('compromise');
for (const s of ['Nothing in the process prevented toing remember this flag.', 'Being was not the cause.', 'Is the wrong word here.', 'Nobody did not follow the runbook.', 'Nothing in the process required checking the lock.', 'The engineer did not notice the alert.', 'A change caused it.', 'It was not a mistake.', 'Checking the lock was not required before the migration ran.', 'No check stopped deploying to all regions at once.', 'An engineer was careless with the config.', 'The process did not ask anyone to verify the backup.', 'What would have caught this earlier?', 'Nothing in the process prevented needing to know that.']) {
  const d = nlp(s);
  const j = d.sentences().json()[0]?.sentence;
  console.log(JSON.stringify(s), JSON.stringify(j), d.match('toing').found, d.terms().json().map((t: any) => t.terms[0].tags.slice(0,2).join('/')).join(' '));
}
