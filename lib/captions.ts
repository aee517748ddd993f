/**
 * Caption deduplication: each photo's caption once, inside `<figure>`/`<figcaption>` with its image.
 *
 * News sites print a caption twice (figure caption + lightbox copy, caption + the same text as a
 * paragraph, alt text printed as text) and pull quotes repeat the story. Readability keeps them all.
 *
 * Matching rule (see text-similarity.ts): two texts are the same caption when their normalized forms
 * are identical — whitespace, quote and dash styles, case, trailing punctuation and a photo credit
 * are ignored; nothing else is. No fuzzy threshold: "… Dec. 21, 2016." and "… Dec. 22, 2016." are
 * different photos. Of two versions differing by a credit, the longer (credited) one is kept, in
 * the figure.
 *
 * A copy is removed when it is near its figure (no visible text in between, removed copies aside)
 * or, anywhere in the body, when it is long enough that a coincidence is implausible. Text equal to
 * an image's alt becomes the caption of an uncaptioned photo next to it; beside a captioned photo it
 * is dropped only when the markup ties it to the photo (see removeTextCopies).
 *
 * Cost: one walk gathering facts per element (captions-facts.ts), one pass over the elements with a
 * length filter before any text is normalized, and hash lookups by key: no block is compared with
 * every other block.
 */

import {
  hasCaptionHint,
  hasMedia,
  nameOf,
  removeAndPrune,
  replaceChildren,
  visibleText,
} from './captions-dom';
import { DomFacts } from './captions-facts';
import { adoptCaption, collectPhotoUnits, type PhotoUnit, refreshKey } from './captions-figures';
import { removePullQuotes } from './captions-pullquotes';
import { articleText, nonSpaceLength } from './text';
import { basicForm, captionKey, wordCount, wordKey } from './text-similarity';

/** A caption copy away from its figure is removed only when at least this long. */
const FAR_COPY_MIN_WORDS = 6;
/** Text equal to an alt and longer than this is story text (a lede copied into `alt`), left alone. */
const MAX_ALT_COPY_WORDS = 40;
/** Room for a credit the copy may carry and the caption not. */
const CREDIT_SLACK_CHARS = 200;

/** Removes duplicated captions and pull quotes in `root`; returns the captions kept, in order. */
export function dedupeCaptions(root: Element): string[] {
  try {
    const units = collectPhotoUnits(root);
    // Without a photo there is no caption to repeat: no walk gathering facts.
    if (units.length) {
      const facts = new DomFacts(root);
      const kept = removeDuplicateFigures(root, units, facts);
      removeTextCopies(root, kept, facts);
      removeCaptionsRepeatingText(root, kept);
    }
    removePullQuotes(root);
  } catch {
    // Best effort: a malformed tree must never break the reader; keep whatever was done so far.
  }
  return keptCaptions(root);
}

function anchorOf(unit: PhotoUnit): Element {
  return unit.figure ?? unit.box;
}

function longer(a: Element, b: Element): boolean {
  return basicForm(visibleText(a)).length > basicForm(visibleText(b)).length;
}

/**
 * A second figure with the same caption and the same picture (another size of it, see imageKey) is
 * a lightbox copy of the first: one figure survives, with the longer caption. Without a usable
 * image URL on either (lazy-loading placeholders), "no text in between" stands in for "same picture".
 * Different pictures sharing a caption stay (a gallery), as do the same picture with other captions.
 */
function removeDuplicateFigures(root: Element, units: PhotoUnit[], facts: DomFacts): PhotoUnit[] {
  const firstByKey = new Map<string, PhotoUnit[]>();
  const kept: PhotoUnit[] = [];
  for (const unit of units) {
    const earlier = unit.key && unit.figure ? (firstByKey.get(unit.key) ?? []) : [];
    const original = earlier.find((e) =>
      unit.imageKeys.size === 0 && e.imageKeys.size === 0
        ? facts.gap(anchorOf(e), anchorOf(unit)) === 0
        : [...unit.imageKeys].some((k) => e.imageKeys.has(k)),
    );
    if (original?.caption && unit.caption && unit.figure) {
      if (longer(unit.caption, original.caption)) {
        replaceChildren(original.caption, unit.caption);
        refreshKey(original);
      }
      facts.markRemoved(unit.figure);
      removeAndPrune(unit.figure, root);
      continue;
    }
    if (unit.key) firstByKey.set(unit.key, [...earlier, unit]);
    kept.push(unit);
  }
  return kept;
}

function nearest(units: PhotoUnit[], el: Element, facts: DomFacts): PhotoUnit | undefined {
  let best: PhotoUnit | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const unit of units) {
    const d = facts.distance(anchorOf(unit), el);
    if (best === undefined || d < bestDistance) {
      best = unit;
      bestDistance = d;
    }
  }
  return best;
}

function addTo(map: Map<string, PhotoUnit[]>, key: string, unit: PhotoUnit): void {
  const list = map.get(key);
  if (list) list.push(unit);
  else map.set(key, [unit]);
}

/**
 * Text elements repeating a caption (or an image's alt) outside the figcaption. Elements are visited
 * in document order, so the outermost element whose whole text is the copy goes (with the lightbox
 * wrapper around it), not just its inner `<span>`.
 */
function removeTextCopies(root: Element, units: PhotoUnit[], facts: DomFacts): void {
  const byCaption = new Map<string, PhotoUnit[]>();
  const byAlt = new Map<string, PhotoUnit[]>();
  let minChars = Number.POSITIVE_INFINITY;
  let maxChars = 0;
  const account = (text: string) => {
    const chars = nonSpaceLength(text);
    minChars = Math.min(minChars, chars);
    maxChars = Math.max(maxChars, chars);
  };
  for (const unit of units) {
    if (unit.key && unit.caption) {
      addTo(byCaption, unit.key, unit);
      account(unit.key);
      account(visibleText(unit.caption));
    }
    for (const alt of unit.altKeys) {
      if (alt === unit.key) continue;
      addTo(byAlt, alt, unit);
      account(alt);
    }
  }
  if (byCaption.size === 0 && byAlt.size === 0) return;
  // Normalization strips punctuation and credits, so a copy's raw text may be somewhat shorter or longer.
  const lower = Math.max(1, minChars - 10);
  const upper = maxChars + CREDIT_SLACK_CHARS;

  // Elements with the same span hold the same text (a wrapper chain): one evaluation each.
  const evaluated = new Set<string>();
  // Document order: descendants of a removed element start before its end.
  let removedUntil = -1;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const span = facts.get(el);
    const size = facts.size(el);
    if (!span || size < lower || size > upper || span.start < removedUntil) continue;
    if (facts.inFigcaption(el) || facts.hasMedia(el)) continue;
    const spanKey = `${span.start}:${span.end}`;
    if (evaluated.has(spanKey)) continue;
    evaluated.add(spanKey);
    const text = visibleText(el);
    const key = captionKey(text);
    const remove = () => {
      facts.markRemoved(el);
      removedUntil = span.end;
      removeAndPrune(el, root);
    };

    const owners = byCaption.get(key);
    if (owners) {
      const unit = nearest(owners, el, facts)!;
      const near = facts.gap(anchorOf(unit), el) === 0;
      if (near || wordCount(text) >= FAR_COPY_MIN_WORDS) {
        if (unit.caption && longer(el, unit.caption)) replaceChildren(unit.caption, el);
        remove();
      }
      continue;
    }

    const altOwners = byAlt.get(key);
    if (!altOwners || /^h[1-6]$/.test(nameOf(el)) || wordCount(text) > MAX_ALT_COPY_WORDS) continue;
    const unit = nearest(altOwners, el, facts)!;
    // Never the very first text of the body: that would rather be the lede, copied by the CMS into
    // the alt attribute of the lead photo.
    if (facts.gap(anchorOf(unit), el) !== 0 || (facts.get(el)?.start ?? 0) === 0) continue;
    if (unit.caption) {
      // Alt text printed beside a captioned photo, different from the caption. Dropped only when the
      // markup says it belongs to the photo: a plain paragraph equal to the alt is more likely story
      // text (a lede the CMS copied into the alt attribute) than a second caption.
      if (unit.figure?.contains(el) || hasCaptionHint(el)) remove();
    } else {
      // The only visible copy of the alt text, next to an uncaptioned photo: that is its caption.
      const box = unit.box;
      adoptCaption(root, unit, el);
      facts.alias(unit.figure!, box, el);
      addTo(byCaption, unit.key, unit);
      removedUntil = span.end;
    }
  }
}

/** Sentences of a block, each as a word key (a caption is matched to whole sentences only). */
function sentenceKeys(text: string): string[] {
  return text.split(/(?<=[.!?:])\s+(?=\S)/).map(wordKey);
}

/** The block next to a figure (its wrappers climbed): `dir` -1 before, +1 after. */
function neighbourText(anchor: Element, root: Element, dir: -1 | 1): string {
  let el: Element = anchor;
  while (el.parentElement && el.parentElement !== root && el.parentElement.children.length === 1)
    el = el.parentElement;
  const next = dir < 0 ? el.previousElementSibling : el.nextElementSibling;
  return next ? visibleText(next) : '';
}

/**
 * A caption that is a sentence of the paragraph right beside its photo, word for word ("There are
 * various styles of wine, each with unique characteristics." under a paragraph opening with it): the
 * CMS filled the caption from the story, and the reader would read it twice. The caption goes, the
 * photo stays. A caption naming a person the story names ("Kevin Cureghian, an Audio Specialist at
 * Spotify" beside "… explains Kevin Cureghian, an Audio Specialist at Spotify.") is not a whole
 * sentence there, and stays.
 */
function removeCaptionsRepeatingText(root: Element, units: PhotoUnit[]): void {
  for (const unit of units) {
    const caption = unit.caption;
    if (!caption || !unit.figure || !root.contains(caption)) continue;
    const text = visibleText(caption);
    if (wordCount(text) < FAR_COPY_MIN_WORDS) continue;
    const key = wordKey(text);
    const repeats = ([-1, 1] as const).some((dir) =>
      sentenceKeys(neighbourText(unit.figure!, root, dir)).includes(key),
    );
    if (repeats) caption.remove();
  }
}

/**
 * Figcaptions of figures with a picture, in document order, as the article's text reads them (a
 * `<br>` is a line break there too), so each one appears verbatim in that text.
 */
function keptCaptions(root: Element): string[] {
  const captions: string[] = [];
  try {
    for (const fc of Array.from(root.querySelectorAll('figcaption'))) {
      const figure = fc.closest('figure');
      if (!figure || !root.contains(figure) || !hasMedia(figure)) continue;
      const text = articleText(fc);
      if (text) captions.push(text);
    }
  } catch {
    // See dedupeCaptions: never throw.
  }
  return captions;
}
