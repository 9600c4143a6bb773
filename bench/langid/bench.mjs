// bench/langid — which language identification library fits @guidekit/i18n: accuracy on the
// short strings a translation linter meets (titles, list items, a sentence left untranslated),
// and install size. Every string below was written for this bench (no corpus text).
//
// Two figures per library:
//   any:  the language found among every language the library knows (its own guess)
//   pair: a choice between the source's and the translation's language, as the linter asks
//         (en vs fr, en vs de, en vs es; an English string is asked against each)
// Usage: cd bench/langid && npm i && node bench.mjs
import { execFileSync } from 'node:child_process';

const strings = {
  en: ['Install the lamp', 'Getting started', 'Open the settings page', 'Click Save and wait', 'The beam is too wide', 'Before you begin', 'Add a new keeper', 'This step is optional', 'Read the logs first', 'Check your network cable', 'Choose a colour for the light', 'The harbour closes at night', 'Restart the server now', 'Sign in with your account', 'Where to find the keys', 'Nothing happens when I click', 'Set the time zone', 'What you will need', 'Export the report as a file', 'Ask your administrator for access'],
  fr: ['Installer la lampe', 'Bien démarrer', 'Ouvrez la page des paramètres', 'Cliquez sur Enregistrer et attendez', 'Le faisceau est trop large', 'Avant de commencer', 'Ajouter un nouveau gardien', 'Cette étape est facultative', "Lisez d'abord les journaux", 'Vérifiez votre câble réseau', 'Choisissez une couleur pour la lumière', 'Le port ferme la nuit', 'Redémarrez le serveur maintenant', 'Connectez-vous avec votre compte', 'Où trouver les clés', 'Rien ne se passe quand je clique', 'Réglez le fuseau horaire', 'Ce dont vous aurez besoin', 'Exportez le rapport dans un fichier', 'Demandez un accès à votre administrateur'],
  de: ['Die Lampe installieren', 'Erste Schritte', 'Öffne die Einstellungsseite', 'Klicke auf Speichern und warte', 'Der Strahl ist zu breit', 'Bevor du beginnst', 'Einen neuen Wärter hinzufügen', 'Dieser Schritt ist optional', 'Lies zuerst die Protokolle', 'Prüfe dein Netzwerkkabel', 'Wähle eine Farbe für das Licht', 'Der Hafen schließt nachts', 'Starte den Server jetzt neu', 'Melde dich mit deinem Konto an', 'Wo die Schlüssel liegen', 'Nichts passiert, wenn ich klicke', 'Stelle die Zeitzone ein', 'Was du brauchst', 'Exportiere den Bericht als Datei', 'Bitte deinen Administrator um Zugriff'],
  es: ['Instalar la lámpara', 'Primeros pasos', 'Abre la página de ajustes', 'Haz clic en Guardar y espera', 'El haz es demasiado ancho', 'Antes de empezar', 'Añadir un nuevo guardián', 'Este paso es opcional', 'Lee primero los registros', 'Comprueba tu cable de red', 'Elige un color para la luz', 'El puerto cierra por la noche', 'Reinicia el servidor ahora', 'Inicia sesión con tu cuenta', 'Dónde encontrar las llaves', 'No pasa nada cuando hago clic', 'Configura la zona horaria', 'Lo que vas a necesitar', 'Exporta el informe como archivo', 'Pide acceso a tu administrador'],
};

const iso3 = { en: 'eng', fr: 'fra', de: 'deu', es: 'spa' };
const from3 = Object.fromEntries(Object.entries(iso3).map(([a, b]) => [b, a]));

/** Each library as the linter would load it: import, then `any` and `pair` detection. */
const libraries = {
  tinyld: {
    packages: ['tinyld'],
    async load() {
      const { detect } = await import('tinyld');
      return { any: (text) => detect(text), pair: (text, langs) => detect(text, { only: langs }) };
    },
  },
  ...Object.fromEntries(
    ['small', 'medium', 'large'].map((size) => [
      `eld/${size}`,
      {
        packages: ['eld'],
        async load() {
          const { eld } = await import(`eld/${size}`);
          const pairs = new Map();
          return {
            any: (text) => {
              eld.setLanguageSubset(false);
              return eld.detect(text).language;
            },
            pair: (text, langs) => {
              const key = langs.join();
              if (!pairs.has(key)) {
                const instance = eld.newInstance();
                instance.setLanguageSubset(langs);
                pairs.set(key, instance);
              }
              return pairs.get(key).detect(text).language;
            },
          };
        },
      },
    ]),
  ),
  franc: {
    packages: ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space'],
    async load() {
      const { franc } = await import('franc');
      return {
        any: (text) => from3[franc(text, { minLength: 1 })],
        pair: (text, langs) => from3[franc(text, { minLength: 1, only: langs.map((l) => iso3[l]) })],
      };
    },
  },
};

const cpuMs = (usage) => (usage.user + usage.system) / 1000;
const only = process.argv[2];
if (only) {
  // One library in this process: its import cost is measured alone.
  const c0 = process.cpuUsage();
  const lib = await libraries[only].load();
  const importMs = cpuMs(process.cpuUsage(c0));
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  let any = 0;
  let pair = 0;
  let pairTotal = 0;
  const c1 = process.cpuUsage();
  let calls = 0;
  for (const [lang, list] of Object.entries(strings)) {
    for (const text of list) {
      calls++;
      if (lib.any(text) === lang) any++;
      for (const other of lang === 'en' ? ['fr', 'de', 'es'] : [lang]) {
        pairTotal++;
        calls++;
        if (lib.pair(text, ['en', other]) === lang) pair++;
      }
    }
  }
  const us = (cpuMs(process.cpuUsage(c1)) * 1000) / calls;
  console.log(JSON.stringify({ any, pair, pairTotal, us, importMs, heapMb }));
} else {
  const total = Object.values(strings).flat().length;
  const sizeKb = (names) => names.reduce((sum, name) => sum + Number(execFileSync('du', ['-sk', `node_modules/${name}`], { encoding: 'utf8' }).split('\t')[0]), 0);
  console.log(`bench/langid: ${total} short strings (1-6 words) in en, fr, de, es, Node ${process.version}; CPU times`);
  console.log('| library | any language | en or the other | CPU µs/call | import CPU ms | heap MB | install kB |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, lib] of Object.entries(libraries)) {
    const r = JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, name], { encoding: 'utf8' }));
    const pct = (a, b) => `${a}/${b} (${Math.round((100 * a) / b)}%)`;
    console.log(`| ${name} | ${pct(r.any, total)} | ${pct(r.pair, r.pairTotal)} | ${r.us.toFixed(0)} | ${r.importMs.toFixed(0)} | ${r.heapMb.toFixed(0)} | ${sizeKb(lib.packages)} |`);
  }
}
