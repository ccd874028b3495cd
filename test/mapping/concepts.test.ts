import { describe, expect, it } from 'vitest';
import { readConcepts } from '../../src/core/mapping/concepts.js';

const read = (h: string): string[] => [...readConcepts(h)].sort();

describe('readConcepts', () => {
  it('reads things, facets and qualifiers in three languages alike', () => {
    expect(read('Customer Phone')).toEqual(['customer', 'phone']);
    expect(read('Телефон покупателя')).toEqual(['customer', 'phone']);
    expect(read('买家手机号')).toEqual(['customer', 'phone']);
    expect(read('Amount payable')).toEqual(['amount', 'payable']);
    expect(read('Сумма к оплате')).toEqual(['amount', 'payable']);
    expect(read('应付金额')).toEqual(['amount', 'payable']);
  });

  it('reads Russian words by their stems, whatever the case form', () => {
    expect(read('Дата оплаты')).toEqual(['date', 'paid']);
    expect(read('Оплачено')).toEqual(['paid']);
    expect(read('Номер записи')).toEqual(['number', 'record']);
    expect(read('Записи')).toEqual(['record']);
  });

  it('reads Chinese compounds longest word first, each character once', () => {
    // "手机号" is a phone, not a "号" number; "会员名" a login, not a "名" name.
    expect(read('收货人手机号')).toEqual(['customer', 'phone']);
    expect(read('买家会员名')).toEqual(['customer', 'login']);
    expect(read('商户订单号')).toEqual(['merchant', 'number', 'order']);
  });

  it('splits API names and reads English plurals', () => {
    expect(read('buyerUserId')).toEqual(['customer', 'id', 'user']);
    expect(read('Contacts')).toEqual(['customer']);
  });

  it('marks a word no concept reads, and a question', () => {
    expect(read('Номер карты')).toEqual(['number', 'other']);
    expect(read('物流单号')).toEqual(['number', 'other']);
    expect(read('May we contact you?')).toContain('question');
    // Joining words add nothing.
    expect(read('Date of creation')).toEqual(['created', 'date']);
  });
});
