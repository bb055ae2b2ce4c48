import { describe, expect, it } from '@jest/globals';
import { idOfStream, kindOfStream, streamIdOf } from '../../../domain/shared/stream-id.js';

/** The stream names `desk verify`, the audit and the anchors show: `<kind>#<id>`. */
describe('a stream’s name', () => {
  it('is the kind of item, then #, then the item’s id', () => {
    expect(streamIdOf('request', 'NECS-2026-00001')).toBe('request#NECS-2026-00001');
    expect(streamIdOf('directory', 'necs')).toBe('directory#necs');
  });

  it('gives back the item’s id for a stream of that kind, and its kind', () => {
    expect(idOfStream('request', 'request#NECS-2026-00001')).toBe('NECS-2026-00001');
    expect(kindOfStream('website#WEB-2026-00001')).toBe('website');
  });

  it('gives back the whole name for a stream of another kind: a website update is not a request', () => {
    expect(idOfStream('request', 'website#WEB-2026-00001')).toBe('website#WEB-2026-00001');
  });
});
