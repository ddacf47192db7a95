// A small hand-written input for the engine's unit tests: a few names of the story with each
// ambiguity rule and blocker kind, so every rule has a case that fails without it.

import type { MatchInput } from './match-input';

/** Names, cues and blockers exercising every rule of the matcher. */
export const FIXTURE: MatchInput = {
  entities: [
    {
      id: 'vladimir-putin', type: 'person', name: 'Vladimir Putin',
      names: [{ text: 'فلاديمير بوتين' }, { text: 'Vladimir Putin' }, { text: 'بوتين' }, { text: 'Putin' }],
    },
    {
      id: 'ahmad-al-sharaa', type: 'person', name: 'Ahmad al-Sharaa',
      names: [
        { text: 'أحمد الشرع' }, { text: 'Ahmad al-Sharaa' }, { text: 'al-Sharaa' }, { text: 'أحمد_الشرع' },
        { text: 'الشرع', ambiguity: 'needs-evidence' },
      ],
      cues: { before: ['الرئيس', 'الرئيس السوري'], after: ['قوله'] },
    },
    {
      id: 'bashar-al-assad', type: 'person', name: 'Bashar al-Assad',
      names: [
        { text: 'بشار الأسد' }, { text: 'Bashar al-Assad' },
        { text: 'الأسد', ambiguity: 'needs-evidence' }, { text: 'Assad', ambiguity: 'unless-blocked' },
        { text: 'al-Assad', ambiguity: 'unless-blocked' },
      ],
      cues: { before: ['بشار', 'المخلوع'] },
    },
    {
      id: 'murhaf-abu-qasra', type: 'person', name: 'Murhaf Abu Qasra',
      names: [{ text: 'مرهف أبو قصرة' }, { text: 'Murhaf Abu Qasra' }, { text: 'Abu Qasra' }, { text: 'أبو قصرة' }],
    },
    { id: 'moscow', type: 'place', name: 'Moscow', names: [{ text: 'موسكو' }, { text: 'Moscow', ambiguity: 'unless-blocked' }] },
    { id: 'russia', type: 'place', name: 'Russia', names: [{ text: 'روسيا' }, { text: 'Russia' }] },
    { id: 'kremlin', type: 'organisation', name: 'the Kremlin', names: [{ text: 'الكرملين' }, { text: 'Kremlin' }] },
    { id: 'tartus', type: 'place', name: 'Tartus', names: [{ text: 'طرطوس' }, { text: 'Tartus' }] },
    {
      id: 'hmeimim-air-base', type: 'place', name: 'Hmeimim air base',
      names: [{ text: 'قاعدة حميميم الجوية' }, { text: 'حميميم' }, { text: 'Hmeimim' }, { text: 'Khmeimim' }],
    },
    {
      id: 'sana', type: 'organisation', name: 'SANA',
      names: [{ text: 'سانا' }, { text: 'SANA', caseSensitive: true }, { text: 'Sana__gov', ambiguity: undefined }],
    },
    {
      id: 'afp', type: 'organisation', name: 'AFP',
      names: [{ text: 'AFP', ambiguity: 'unless-blocked', caseSensitive: true }, { text: 'فرانس برس' }],
    },
    { id: 'sputnik', type: 'organisation', name: 'Sputnik', names: [{ text: 'سبوتنيك' }, { text: 'Sputnik', ambiguity: 'unless-blocked' }] },
  ],
  blockers: [
    { text: 'نصيب الأسد', scope: 'span', entities: ['bashar-al-assad'] },
    { text: 'حافظ الأسد', scope: 'span', entities: ['bashar-al-assad'] },
    { text: 'Hafez al-Assad', scope: 'span', entities: ['bashar-al-assad'] },
    { text: 'أحكام الشرع', scope: 'span', entities: ['ahmad-al-sharaa'] },
    { text: 'Moscow, Idaho', scope: 'span', entities: ['moscow'] },
    { text: 'Sputnik V', scope: 'span', entities: ['sputnik'] },
    { text: 'Australian Federal Police', scope: 'document', entities: ['afp'] },
  ],
};
