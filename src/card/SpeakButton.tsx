import { useEffect, useState } from 'preact/hooks';

// "Hear the name": read a name aloud with the browser's speech synthesis, where it has a voice of
// the name's language that speaks offline (localService: nothing leaves the browser). With no
// such voice there is no button. Voices load late (Chromium lists none at first): the button
// appears when `voiceschanged` brings one.

type T = (key: string, substitutions?: string | string[]) => string;

/** The browser's offline voice for `lang` ('ar', 'en'), its default one first; null when none. */
export function offlineVoice(lang: 'ar' | 'en'): SpeechSynthesisVoice | null {
  const synth = globalThis.speechSynthesis as SpeechSynthesis | undefined;
  if (!synth) return null;
  const tag = new RegExp(`^${lang}(?:[-_]|$)`, 'i');
  const voices = synth.getVoices().filter((v) => v.localService && tag.test(v.lang));
  return voices.find((v) => v.default) ?? voices[0] ?? null;
}

/** Draws again whenever the browser's voices change. */
function useVoicesChanged(): void {
  const [, redraw] = useState(0);
  useEffect(() => {
    const synth = globalThis.speechSynthesis as SpeechSynthesis | undefined;
    if (!synth) return;
    const onChange = () => redraw((n) => n + 1);
    synth.addEventListener('voiceschanged', onChange);
    return () => synth.removeEventListener('voiceschanged', onChange);
  }, []);
}

/** A button that speaks `text` in `lang`, or nothing when the browser has no offline voice for it. */
export function SpeakButton({ lang, text, t, wordsLang }: { readonly lang: 'ar' | 'en'; readonly text: string; readonly t: T; readonly wordsLang: 'ar' | 'en' }) {
  useVoicesChanged();
  const voice = offlineVoice(lang);
  if (!voice) return null;
  const label = t(lang === 'ar' ? 'cardHearArabic' : 'cardHearEnglish');
  const speak = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = voice.lang;
    utterance.voice = voice;
    speechSynthesis.cancel(); // a name at a time
    speechSynthesis.speak(utterance);
  };
  return (
    // The label is in the card's words' language, not the name's, which the button stands in.
    <button type="button" class="speak" onClick={speak} aria-label={label} title={label} lang={wordsLang} data-action="speak" data-lang={lang}>
      <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
        <path d="M1 4h2l3-3v10L3 8H1z" fill="currentColor" />
        <path d="M8 3.5a3.5 3.5 0 0 1 0 5M9.5 2a5.5 5.5 0 0 1 0 8" fill="none" stroke="currentColor" stroke-width="1" />
      </svg>
    </button>
  );
}
