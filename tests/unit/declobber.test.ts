import { describe, expect, it } from 'vitest';
import { declobber } from '../../lib/declobber';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('declobber: DOM clobbering of form and document properties', () => {
  it('drops a control name that shadows form.parentNode (the Readability tree-walk hang)', () => {
    const doc = parse('<p>Story</p><form><input name="parentNode"><input name="email"></form>');
    expect(declobber(doc)).toBe(1);
    const inputs = doc.querySelectorAll('input');
    expect(inputs[0].hasAttribute('name')).toBe(false);
    // A name that shadows nothing is kept.
    expect(inputs[1].getAttribute('name')).toBe('email');
  });

  it('drops ids that shadow form properties (nextElementSibling, attributes) and form-associated controls', () => {
    const doc = parse(
      '<form id="f"><select id="nextElementSibling"></select><textarea id="attributes"></textarea></form><input form="f" name="nodeName">',
    );
    expect(declobber(doc)).toBe(3);
    expect(doc.querySelector('select')?.id).toBe('');
    expect(doc.querySelector('textarea')?.id).toBe('');
    expect(doc.querySelector('input')?.hasAttribute('name')).toBe(false);
    // The form's own harmless id stays.
    expect(doc.querySelector('form')?.id).toBe('f');
  });

  it('drops names that shadow document properties (<img name="querySelectorAll">, <form name="body">)', () => {
    const doc = parse('<img name="querySelectorAll" src="a.png"><form name="body"></form><img name="photo">');
    expect(declobber(doc)).toBe(2);
    const imgs = doc.getElementsByTagName('img');
    expect(imgs[0].hasAttribute('name')).toBe(false);
    expect(imgs[1].getAttribute('name')).toBe('photo');
    expect(doc.forms[0].hasAttribute('name')).toBe(false);
  });

  it('leaves ordinary ids of story elements alone', () => {
    const doc = parse('<div id="title"><p id="body">Text</p></div><form><input name="q"></form>');
    expect(declobber(doc)).toBe(0);
    expect(doc.getElementById('title')).not.toBeNull();
    expect(doc.getElementById('body')).not.toBeNull();
  });

  it('works when the document own querySelectorAll is shadowed', () => {
    const doc = parse('<form><input name="parentNode"></form>');
    Object.defineProperty(doc, 'querySelectorAll', { value: () => [] });
    expect(declobber(doc)).toBe(1);
  });
});
