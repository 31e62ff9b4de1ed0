import { portalSession } from './sessions.ts';
const cookie = await portalSession('http://localhost:8080');
const q = { scopes: ['acada', 'dpps'], didType: 'file', groups: [[{ key: 'site', op: '=', value: 'CTAO-South' }]] };
for (let i = 0; i < 8; i++) {
  const res = await fetch('http://localhost:8080/api/search?q=' + encodeURIComponent(JSON.stringify(q)), { headers: { cookie } });
  const lines = (await res.text()).trim().split('\n');
  const rows = lines.filter((l) => l.startsWith('{"scope"'));
  const progress = lines.filter((l) => l.startsWith('{"progress"'));
  console.log(rows.length, lines.at(-1), progress.map((p) => p.slice(12, 60)).join(' | '));
}
