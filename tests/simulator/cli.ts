/**
 * `npm run portal`: the simulator by hand. Starts both renderings (classic on 8780,
 * the second on 8781 unless told otherwise) and prints where and how to log in.
 *   npm run portal -- --rendering=alt --port=9000
 */
import { parseArgs } from 'node:util';
import { DEMO } from './seed';
import { type RenderingName, startSimulator } from './server';

const { values } = parseArgs({
  options: {
    rendering: { type: 'string' },
    port: { type: 'string' },
  },
});

const wanted: RenderingName[] = values.rendering ? [values.rendering as RenderingName] : ['classic', 'alt'];
if (wanted.some((name) => name !== 'classic' && name !== 'alt')) {
  console.error('Rendu inconnu : utilisez --rendering=classic ou --rendering=alt.');
  process.exit(2);
}
const basePort = values.port ? Number.parseInt(values.port, 10) : 8780;

const started = await Promise.all(wanted.map((rendering, i) => startSimulator({ rendering, port: basePort + i })));
console.log('Simulateur du portail Medimail');
for (const sim of started) {
  console.log(`  rendu ${sim.rendering.name.padEnd(7)} ${sim.url}`);
}
console.log(`
Identifiants de démonstration (mot de passe commun : ${DEMO.password})
  ${DEMO.login}  (${DEMO.displayName}, 4 BAL de service)
  ${DEMO.colleague}  (partage le secrétariat de cardiologie)
  ${DEMO.pool}  (30 BAL de service)

API de contrôle (boucle locale seulement) : GET /__control/state, POST /__control/deliver
  {"to":"${DEMO.services.mss}"} (ou avec "html"), /expire-sessions,
  /fault {"kind":"error|slow|no-header|garbled|redirect|huge|endless|none"} ("target" pour redirect,
  "sizeBytes" pour huge), /reset
Ctrl+C pour arrêter.`);

const stop = async () => {
  await Promise.all(started.map((sim) => sim.close()));
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
