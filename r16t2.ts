import { analyze } from './server/src/core';
const ss = ['Nobody should have needed to know that.', 'No one should have to remember this flag.', 'Engineers should not have to be careful here.', 'Being careless was not the cause.', 'Careless is the wrong word here.', 'Nobody failed to follow the runbook.', 'Bob should have checked the lock before the migration ran.', 'The engineer failed to notice the alert.', 'A careless change caused it.', 'Why didn\'t anyone notice the disk filling?', 'Ana carelessly deleted the volume.'];
for (const s of ss) {
  const t = `# Postmortem: x\n\n## Summary\n\n${s}\n`;
  for (const f of analyze(t, { today: '2026-01-01' }).findings.filter((f) => /blame/.test(f.rule))) {
    if (!f.fixes?.length) console.log(JSON.stringify(s), 'no fix');
    for (const fx of f.fixes ?? []) { let o = t; for (const e of [...fx.edits].sort((a,b)=>b.start-a.start)) o = o.slice(0,e.start)+e.newText+o.slice(e.end); console.log(JSON.stringify(s), fx.preferred ? '*' : ' ', JSON.stringify(o.split('\n')[4])); }
  }
}
