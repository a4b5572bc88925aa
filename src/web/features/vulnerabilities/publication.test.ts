import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/problem';
import { refusalsOf, toPublication } from './publication';

const refused = new ApiError(
  {
    type: 'about:blank',
    title: 'Unprocessable Content',
    status: 422,
    code: 'disclosure.refused',
    errors: [
      {
        path: 'body',
        message: 'the publication carries no fix or mitigation (RMSV art. 9(5)?)',
        code: 'disclosure.mitigation-missing',
      },
      {
        path: 'body.recipients.0',
        message: 'recipient recipients.0 is overseas (RMSV art. 9(7))',
        code: 'disclosure.overseas-recipient',
      },
      { path: 'body', message: 'new rule', code: 'disclosure.brand-new' },
    ],
  },
  null,
);

describe('refusalsOf', () => {
  it('lists one refusal per failed RMSV art. 9 check, with the item it points at', () => {
    expect(refusalsOf(refused)).toEqual([
      {
        code: 'mitigation-missing',
        target: null,
        message: 'the publication carries no fix or mitigation (RMSV art. 9(5)?)',
      },
      {
        code: 'overseas-recipient',
        target: 'recipients.0',
        message: 'recipient recipients.0 is overseas (RMSV art. 9(7))',
      },
      { code: 'unknown', target: null, message: 'new rule' },
    ]);
  });

  it('ignores other failures', () => {
    const invalid = new ApiError(
      { type: 'about:blank', title: 'Bad', status: 400, code: 'validation.failed' },
      null,
    );
    expect(refusalsOf(invalid)).toBeNull();
    expect(refusalsOf(new Error('x'))).toBeNull();
  });
});

describe('toPublication', () => {
  it('drops unfinished rows and defaults the flags', () => {
    expect(
      toPublication({
        publicTitle: ' 华安防火墙命令注入 ',
        publicDescription: ' 管理界面存在命令注入漏洞，请升级到 5.2.4。 ',
        includesFixOrMitigation: false,
        fields: [{ path: 'description', operatorSystemDetail: true }, { path: ' ' }],
        recipients: [
          { name: 'CERT', country: 'US' },
          { name: '', country: 'CN' },
        ],
      }),
    ).toEqual({
      publicTitle: '华安防火墙命令注入',
      publicDescription: '管理界面存在命令注入漏洞，请升级到 5.2.4。',
      includesFixOrMitigation: false,
      publicAttachmentIds: [],
      fields: [{ path: 'description', operatorSystemDetail: true, published: false }],
      recipients: [{ name: 'CERT', country: 'US', productProvider: false }],
    });
  });
});
