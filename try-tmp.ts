import { JSDOM } from 'jsdom';
import { dedupeCaptions } from './lib/captions';
import { collectPhotoUnits } from './lib/captions-figures';
import { DomFacts } from './lib/captions-facts';
import { removePullQuotes } from './lib/captions-pullquotes';
const doc = new JSDOM('<article></article>').window.document;
function make() {
  const root = doc.createElement('article');
  let node: Element = root;
  for (let i = 0; i < 3000; i++) node = node.appendChild(doc.createElement('div'));
  node.innerHTML = '<img src="a.jpg"><span class="caption">A deep caption for a deep photo.</span>';
  root.appendChild(doc.createElement('p')).textContent = 'A deep caption for a deep photo.';
  return root;
}
let r = make(); let t = Date.now();
collectPhotoUnits(r); console.log('collect', Date.now()-t); t = Date.now();
new DomFacts(r); console.log('facts', Date.now()-t); t = Date.now();
r.querySelectorAll('*'); console.log('qsa', Date.now()-t); t = Date.now();
removePullQuotes(r); console.log('pull', Date.now()-t); t = Date.now();
r = make(); t = Date.now(); dedupeCaptions(r); console.log('all', Date.now()-t);
