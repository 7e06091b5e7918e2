import { describe, expect, it } from 'vitest';
import { mapFtmEntity } from './exchange.ftm.ts';

describe('mapping FollowTheMoney entities to statements', () => {
  it('takes one statement per value and the name as caption', () => {
    expect(
      mapFtmEntity({
        id: 'p1',
        schema: 'Person',
        properties: { name: ['Ђорђе Ђорђевић', 'Đorđe'], birthDate: ['1987-04-12', ' '] },
      }),
    ).toEqual({
      sourceId: 'p1',
      schema: 'Person',
      caption: 'Ђорђе Ђорђевић',
      values: [
        { property: 'name', value: 'Ђорђе Ђорђевић' },
        { property: 'name', value: 'Đorđe' },
        { property: 'birthDate', value: '1987-04-12' },
      ],
    });
  });

  it('captions a phone by its number and a nameless person by first and last name', () => {
    expect(
      mapFtmEntity({ id: 'x', schema: 'Phone', properties: { number: ['+381641234567'] } }),
    ).toMatchObject({
      caption: '+381641234567',
    });
    expect(
      mapFtmEntity({ id: 'y', schema: 'Person', properties: { firstName: ['Ana'], lastName: ['Marković'] } }),
    ).toMatchObject({ caption: 'Ana Marković' });
  });

  it('says why a line cannot be taken', () => {
    expect(mapFtmEntity({ id: 'z', schema: 'person', properties: {} })).toBe(
      '"person" is not an FtM schema name',
    );
    expect(mapFtmEntity({ id: 'z', schema: 'Person', properties: { 'bad-name': ['x'] } })).toBe(
      '"bad-name" is not an FtM property name',
    );
  });
});
