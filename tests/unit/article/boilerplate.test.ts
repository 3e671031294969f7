import { describe, expect, it } from 'vitest';
import { isCreditLine, isDateLine, isInterfaceLabel, isRelatedHeading } from '@/utils/article/boilerplate';

describe('isDateLine', () => {
  it.each([
    'Posted: Fri 6:45 PM, Feb 16, 2018 |',
    'Updated: Sat 8:31 PM, Feb 17, 2018',
    'Published November 20th, 2019 - 07:50 GMT',
    'First Published: Tuesday, November 19, 2019 08:38 AM',
    '02 Ago 2017',
    'sexta-feira, 22 de outubro de 2010 às 20:13',
    'Veröffentlicht am 3. März 2024, 14:05 Uhr',
    '2019年11月20日 10:30',
    '14.06.2024',
  ])('recognises the date stamp %j', (line) => {
    expect(isDateLine(line)).toBe(true);
  });

  it.each([
    '10 p.m.',
    'The vote is set for March 3, 2025.',
    'In 2019 the council met 12 times.',
    'May 2024 was the wettest on record, forecasters said on Monday',
  ])('keeps the prose or bare time %j', (line) => {
    expect(isDateLine(line)).toBe(false);
  });
});

describe('isInterfaceLabel', () => {
  it.each(['Advertisement', 'ADVERT', 'Skip to content', 'Continue Reading Below', 'Loading content ...', 'Post Comment (+)', 'Leia também', 'Iklan'])(
    'recognises %j',
    (line) => expect(isInterfaceLabel(line)).toBe(true),
  );

  it.each(['Home secretary resigns', 'Comments from the mayor were brief.', 'Subscribe to our newsletter for a chance to win a free bike'])(
    'keeps %j',
    (line) => expect(isInterfaceLabel(line)).toBe(false),
  );
});

describe('isCreditLine', () => {
  it.each([
    'Shoppers wait outside a store in Miami, Fla. (AP Photo/Jo Lane, File)',
    'Kim Ode | Bloomberg | Getty Images',
    'Photo: Lars Berg',
    'Image credit: City archive',
  ])('recognises %j', (line) => expect(isCreditLine(line)).toBe(true));

  it.each(['The minister later told Reuters.', 'The company declined to comment to AFP on Monday about the figures it published.'])(
    'keeps the sentence %j',
    (line) => expect(isCreditLine(line)).toBe(false),
  );
});

describe('isRelatedHeading', () => {
  it.each(['You may also like', 'Você pode gostar...', 'More Great Science Stories', 'Related', 'Lesen Sie auch'])('recognises %j', (text) =>
    expect(isRelatedHeading(text)).toBe(true),
  );

  it.each(['Related parties agreed to the deal', 'More rain expected on Friday', 'What happens next'])('keeps %j', (text) =>
    expect(isRelatedHeading(text)).toBe(false),
  );
});
