import { parseRetryInfo, retryInfoDetail } from './retry-info';

describe('retryInfoDetail', () => {
  it('encodes Status.details = Any{RetryInfo{retry_delay: 3 s}}', () => {
    const typeUrl = Buffer.from('type.googleapis.com/google.rpc.RetryInfo');
    const retryInfo = [0x0a, 0x02, 0x08, 0x03];
    const any = [0x0a, typeUrl.length, ...typeUrl, 0x12, retryInfo.length, ...retryInfo];
    expect(retryInfoDetail(2.2)).toEqual(Buffer.from([0x1a, any.length, ...any]));
  });

  it('writes multi-byte varints for long delays', () => {
    const bytes = retryInfoDetail(300);
    expect([...bytes.subarray(bytes.length - 3)]).toEqual([0x08, 0xac, 0x02]);
  });
});

describe('parseRetryInfo', () => {
  it('reads back the delay written by retryInfoDetail, after other Status fields', () => {
    const status = Buffer.concat([Buffer.from([0x08, 0x0e, 0x12, 0x02, 0x68, 0x69]), retryInfoDetail(7)]);
    expect(parseRetryInfo(status)).toBe(7000);
  });

  it.each([
    ['no details', Buffer.from([0x08, 0x0e])],
    ['garbage', Buffer.from([0xff, 0xff, 0xff])],
    ['truncated', retryInfoDetail(7).subarray(0, 10)],
  ])('gives undefined for %s', (_name, bytes) => {
    expect(parseRetryInfo(bytes)).toBeUndefined();
  });
});
