import { describe, expect, it } from 'vitest';
import { jaccard, naturalCompare, titleSimilarity, titleTokens, versionsOverlap } from './similarity';

describe('titleTokens', () => {
  it('splits Chinese runs into bigrams and drops shared filler', () => {
    expect([...titleTokens('某路由器存在远程代码执行漏洞')]).toEqual([
      '某路',
      '路由',
      '由器',
      '远程',
      '程代',
      '代码',
      '码执',
      '执行',
    ]);
    expect([...titleTokens('漏洞 X 存在 的')]).toEqual(['x', '的']);
  });
  it('keeps Latin words and numbers, folded to lower case and half width', () => {
    expect([...titleTokens('Apache Struts2 ＲＣＥ in the REST plugin')]).toEqual([
      'apache',
      'struts2',
      'rce',
      'rest',
      'plugin',
    ]);
  });
  it('handles mixed titles', () => {
    expect([...titleTokens('OpenSSL 缓冲区溢出')]).toEqual(['openssl', '缓冲', '冲区', '区溢', '溢出']);
  });
});

describe('similarity', () => {
  it('is Jaccard on token sets', () => {
    expect(jaccard(new Set([1, 2, 3]), new Set([2, 3, 4]))).toBe(0.5);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
  it('scores near-identical Chinese titles high and unrelated ones low', () => {
    expect(titleSimilarity('某路由器远程代码执行漏洞', '某路由器存在远程代码执行漏洞')).toBeCloseTo(8 / 9);
    expect(titleSimilarity('某路由器远程代码执行漏洞', '某路由器远程命令执行漏洞')).toBeGreaterThan(0.4);
    expect(titleSimilarity('某路由器远程代码执行漏洞', '某数据库SQL注入漏洞')).toBeLessThan(0.1);
  });
  it('scores English titles', () => {
    expect(
      titleSimilarity('Log4j JNDI remote code execution', 'Remote code execution in Log4j via JNDI'),
    ).toBe(1);
    expect(titleSimilarity('Log4j JNDI remote code execution', 'Log4j denial of service')).toBeCloseTo(1 / 7);
  });
});

describe('versionsOverlap', () => {
  it('compares digit runs numerically', () => {
    expect(naturalCompare('1.10', '1.9')).toBeGreaterThan(0);
  });
  it.each([
    [['1.2.3'], ['1.2.3'], true],
    [['1.2.3'], ['1.2.4'], false],
    [['1.2.3'], [{ from: '1.0', to: '2.0' }], true],
    [['2.0'], [{ from: '1.0', to: '2.0' }], false],
    [['2.0'], [{ from: '1.0', to: '2.0', toInclusive: true }], true],
    [['1.0'], [{ from: '1.0', to: '2.0', fromInclusive: false }], false],
    [[{ from: '1.0', to: '1.5' }], [{ from: '1.4', to: '3.0' }], true],
    [[{ from: '1.0', to: '1.5' }], [{ from: '1.5', to: '3.0' }], false],
    [[{ to: '1.10' }], [{ from: '1.9' }], true],
    [[{ to: '1.9' }], [{ from: '1.10' }], false],
    [[{}], ['anything'], true],
    [[], ['1.0'], false],
  ] as const)('%j vs %j → %s', (a, b, expected) => {
    expect(versionsOverlap(a, b)).toBe(expected);
    expect(versionsOverlap(b, a)).toBe(expected);
  });
  it('accepts a caller-supplied order', () => {
    const reverse = (x: string, y: string) => naturalCompare(y, x);
    expect(versionsOverlap(['1.5'], [{ from: '2.0', to: '1.0' }], reverse)).toBe(true);
  });
});
