import { t } from '../ui/i18n';

/** The options page. */
export function Options() {
  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <p>{t('extDescription')}</p>
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('optionsPrivacyHeading')}</h2>
        <p>{t('optionsPrivacyText')}</p>
      </section>
    </>
  );
}
