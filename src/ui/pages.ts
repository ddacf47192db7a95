/** The first-run page (src/welcome), relative to the extension's root: the background opens it on install, the popup and the options again. */
export const WELCOME_PAGE = 'welcome.html';
