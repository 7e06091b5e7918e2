/** What a page sends the waiting service worker when the user chose to switch to the new version. */
export const ACTIVATE_MESSAGE = 'veza:activate';
