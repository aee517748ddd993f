/** Page widgets made of a few short words: a text-size switcher ("XS SM MD LG") and a share bar. */
import { spacedText } from './dom-text';

/** "XS SM MD LG", "A A A", "A- A A+": a text-size switcher. */
const SIZE_TOKEN = /^(xxs|xs|s|sm|m|md|l|lg|xl|xxl|a|a\+|a-|a−|aa|aaa|\+|-|−|small|medium|large|normal)$/i;
export function isTextSizeWidget(el: Element, text = spacedText(el)): boolean {
  if (!text || text.length > 60) return false;
  const words = text
    .replace(/\b(text|font)\s*size:?/gi, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words.length >= 2 && words.every((w) => SIZE_TOKEN.test(w));
}

/**
 * Could this short block be a size switcher or a share bar? A cheap look at its raw text before
 * building its spaced text: a switcher is made of the letters of its size words, a share bar names at
 * least one network or action (SHARE_NETWORKS). Most short blocks of a page are neither.
 */
const SIZE_CHARS = /^[\sadegilmnorsuxtfz+\-−:]*$/;
export function mayBeWidget(el: Element, ink: number): boolean {
  if (!ink) return false;
  const raw = (el.textContent ?? '').toLowerCase();
  if (ink <= 60 && SIZE_CHARS.test(raw)) return true;
  return SHARE_NETWORKS.some((w) => raw.includes(w));
}

/** Networks and actions of a share bar; a block made only of these (2+ of them) is a share bar. */
const SHARE_WORD =
  /^(share|shares|sharing|tweet|facebook|twitter|x|linkedin|email|e-mail|mail|print|whatsapp|pinterest|reddit|telegram|copy|link|url|copied|messenger|flipboard|pocket|tumblr|threads|bluesky|mastodon|comment|comments|on|this|article|story|post|page|via|the|save|gift|bookmark|sms|vk|weibo|wechat|line|xing|opens|in|new|window|tab|\d+[km]?)$/i;
const SHARE_NETWORKS =
  'facebook twitter linkedin email e-mail whatsapp pinterest reddit telegram print flipboard messenger tumblr bluesky threads mastodon pocket xing vk weibo wechat copy share tweet'.split(
    ' ',
  );
const SHARE_NETWORK = new Set(SHARE_NETWORKS);
export function isShareBar(el: Element, text = spacedText(el)): boolean {
  if (text.length > 200) return false;
  const words = text.split(/[^\p{L}\p{N}+-]+/u).filter(Boolean);
  if (!words.length) return false;
  if (!words.every((w) => SHARE_WORD.test(w))) return false;
  // Every word passed SHARE_WORD (ASCII words and numbers), so lower-casing is its case-blindness.
  const networks = new Set(words.map((w) => w.toLowerCase()).filter((w) => SHARE_NETWORK.has(w)));
  return networks.size >= 2 || (networks.size >= 1 && el.querySelectorAll('a, button').length >= 2);
}
