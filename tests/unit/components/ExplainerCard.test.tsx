// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ExplainerCard } from '@/components/ExplainerCard';
import { makeExplainer } from './fixtures';
import { DATA_URL, IMG, JS_URL, LONG, SCRIPT, expectInert } from './hostile';

afterEach(cleanup);

const card = (name = 'Ana Souza') => screen.getByRole('group', { name: `About ${name}` });

describe('ExplainerCard', () => {
  it('ok: title, description, extract, thumbnail and a "Read on Wikipedia" link in a new tab', () => {
    render(<ExplainerCard name="Ana Souza" explainer={makeExplainer()} />);
    expect(within(card()).getByRole('heading', { name: 'Ana Souza' })).toBeTruthy();
    expect(card().textContent).toContain('Brazilian engineer');
    expect(card().textContent).toContain('led the harbour bridge repairs');
    expect(card().querySelector('img')?.getAttribute('src')).toBe('https://upload.wikimedia.test/ana.jpg');
    const link = within(card()).getByRole('link', { name: 'Read on Wikipedia' });
    expect(link.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Ana_Souza');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('pending (or not asked yet): says it is looking the name up', () => {
    const { rerender } = render(<ExplainerCard name="Ana Souza" explainer={undefined} />);
    expect(card().textContent).toContain('Looking up Ana Souza on Wikipedia…');
    rerender(<ExplainerCard name="Ana Souza" explainer={makeExplainer({ state: 'pending' })} />);
    expect(card().textContent).toContain('Looking up Ana Souza');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('not found and error say so, with the reason for an error', () => {
    const { rerender } = render(<ExplainerCard name="Ana Souza" explainer={makeExplainer({ state: 'not-found' })} />);
    expect(card().textContent).toBe('No Wikipedia article found for Ana Souza.');
    rerender(<ExplainerCard name="Ana Souza" explainer={makeExplainer({ state: 'error', message: 'HTTP 503' })} />);
    expect(card().textContent).toBe("Couldn't load the Wikipedia article for Ana Souza (HTTP 503).");
  });

  it('ambiguous: "may refer to" with each choice as a link and its description', () => {
    const explainer = makeExplainer({
      name: 'Mercury',
      state: 'ambiguous',
      choices: [
        { title: 'Mercury (planet)', description: 'Planet closest to the Sun', url: 'https://en.wikipedia.org/wiki/Mercury_(planet)' },
        { title: 'Mercury (element)', description: null, url: 'https://en.wikipedia.org/wiki/Mercury_(element)' },
      ],
    });
    render(<ExplainerCard name="Mercury" explainer={explainer} />);
    expect(card('Mercury').textContent).toContain('Mercury may refer to:');
    const items = within(card('Mercury')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Mercury (planet) — Planet closest to the Sun', 'Mercury (element)']);
    expect(within(items[0]!).getByRole('link').getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Mercury_(planet)');
  });

  it('drops a thumbnail or link that is not http(s), and renders hostile text as text', () => {
    const explainer = makeExplainer({
      title: SCRIPT,
      description: IMG,
      extract: LONG,
      thumbnailUrl: DATA_URL,
      url: JS_URL,
      choices: [{ title: SCRIPT, description: IMG, url: JS_URL }],
    });
    const { container } = render(<ExplainerCard name={IMG} explainer={explainer} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('heading').textContent).toBe(SCRIPT);
    expect(container.textContent).toContain(IMG);
    expect(container.textContent!.length).toBeLessThan(1_200);
    expectInert(container);

    cleanup();
    const ambiguous = render(<ExplainerCard name="X" explainer={{ ...explainer, state: 'ambiguous' }} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(ambiguous.container.textContent).toContain(SCRIPT);
    expectInert(ambiguous.container);
  });
});

describe('ExplainerCard for a name that was not looked up', () => {
  it('once the lookup is over, offers a Wikipedia search in the article language instead of waiting forever', () => {
    render(<ExplainerCard name="Gareth Lindqvist" explainer={undefined} isLookupOver lang="de" />);
    const group = screen.getByRole('group', { name: 'About Gareth Lindqvist' });
    expect(group.textContent).not.toContain('Looking up');
    const link = within(group).getByRole('link', { name: 'Search Wikipedia for Gareth Lindqvist' });
    expect(link.getAttribute('href')).toBe('https://de.wikipedia.org/w/index.php?search=Gareth+Lindqvist');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('falls back to English for a malformed language and keeps a hostile name inert', () => {
    const { container } = render(<ExplainerCard name={SCRIPT} explainer={undefined} isLookupOver lang={JS_URL} />);
    expect(screen.getByRole('link').getAttribute('href')).toMatch(/^https:\/\/en\.wikipedia\.org\/w\/index\.php\?search=%3Cscript%3E/);
    expectInert(container);
  });
});
