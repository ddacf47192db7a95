import { describe, expect, it } from 'vitest';
import { isOwnPage, reportingFrame } from './senders';

const ID = 'hashiya-id';
const URL_ = 'chrome-extension://hashiya-id/';

describe('isOwnPage', () => {
  it("accepts Hashiya's own pages, with or without a tab", () => {
    expect(isOwnPage({ id: ID, url: `${URL_}popup.html` }, ID, URL_)).toBe(true);
    expect(isOwnPage({ id: ID, url: `${URL_}reader.html`, tab: { id: 4 }, frameId: 0 }, ID, URL_)).toBe(true);
  });

  it('refuses a sender without a tab that gives no address of ours (the old rule let it through)', () => {
    expect(isOwnPage({ id: ID }, ID, URL_)).toBe(false);
    expect(isOwnPage({ id: ID, url: 'https://news.example/' }, ID, URL_)).toBe(false);
  });

  it("refuses a content script in a page, and another extension's page", () => {
    expect(isOwnPage({ id: ID, url: 'https://news.example/', tab: { id: 4 }, frameId: 0 }, ID, URL_)).toBe(false);
    expect(isOwnPage({ id: 'other', url: `${URL_}popup.html` }, ID, URL_)).toBe(false);
    expect(isOwnPage({ id: ID, url: 'chrome-extension://hashiya-id.evil/popup.html' }, ID, 'chrome-extension://hashiya-id/')).toBe(false);
  });
});

describe('reportingFrame', () => {
  it("takes a content script's tab and frame", () => {
    expect(reportingFrame({ id: ID, url: 'https://news.example/', tab: { id: 7 }, frameId: 3 }, ID)).toEqual({ tabId: 7, frameId: 3 });
  });

  it('refuses a sender with no tab or frame, or a tab that is no tab (-1: devtools, sidebars)', () => {
    expect(reportingFrame({ id: ID, url: `${URL_}popup.html` }, ID)).toBeNull();
    expect(reportingFrame({ id: ID, tab: { id: 7 } }, ID)).toBeNull();
    expect(reportingFrame({ id: ID, tab: { id: -1 }, frameId: 0 }, ID)).toBeNull();
    expect(reportingFrame({ id: 'other', tab: { id: 7 }, frameId: 0 }, ID)).toBeNull();
  });
});
