import { describe, expect, it } from 'vitest';
import { hostIsListed, normalizeHost, normalizeHostList, originPatterns, schemesOf } from '@/lib/hosts';

describe('hosts', () => {
  it.each([
    ['voanews.com', 'voanews.com'],
    ['WWW.VOAnews.com', 'voanews.com'],
    ['https://www.voanews.com/a/story.html?x=1', 'voanews.com'],
    ['news.example.co.uk/', 'news.example.co.uk'],
    ['127.0.0.1:8080/x', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('normalizes %s', (input, want) => expect(normalizeHost(input)).toBe(want));

  it.each([
    '',
    'nodot',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'a..b',
    '-bad.com',
    '999.1.1.1',
    42,
    null,
  ])('refuses %s', (input) => expect(normalizeHost(input)).toBeNull());

  it('a listed host covers its subdomains and nothing else', () => {
    expect(hostIsListed('www.voanews.com', ['voanews.com'])).toBe(true);
    expect(hostIsListed('voanews.com', ['voanews.com'])).toBe(true);
    expect(hostIsListed('evilvoanews.com', ['voanews.com'])).toBe(false);
    expect(hostIsListed('voanews.com.evil.example', ['voanews.com'])).toBe(false);
  });

  it('asks for the scheme the person used, else both', () => {
    expect(originPatterns('voanews.com', schemesOf('https://voanews.com/x'))).toEqual([
      'https://voanews.com/*',
      'https://*.voanews.com/*',
    ]);
    expect(originPatterns('127.0.0.1')).toEqual(['http://127.0.0.1/*', 'https://127.0.0.1/*']);
  });

  it('cleans stored lists of any shape', () => {
    expect(normalizeHostList(['a.com', 'A.com', 7, 'www.b.org', 'bad'])).toEqual(['a.com', 'b.org']);
    expect(normalizeHostList('a.com')).toEqual([]);
  });
});
