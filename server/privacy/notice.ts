/**
 * The privacy notice residents agree to at registration. Its text lives in messages/*.json under
 * "privacy" (the page /privacy shows it in full); changing what is collected or why means a new
 * version here, and the version each person agreed to is stored with the time.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11-25';
