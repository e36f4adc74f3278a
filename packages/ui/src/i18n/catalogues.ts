// The shared message catalogues alone (plain objects, no React), for tools and tests outside the
// browser apps, such as the API's check that every message key it sends is translated.
export { uiEn } from './en';
export { uiJa } from './ja';
