/**
 * What the privacy popup says. Public pages speak Chinese from the app's dictionary; staff pages
 * pass the same texts in the staff language (their dictionary lives in the staff subpackage,
 * which this main-package component cannot load).
 */

/** The privacy-scoped APIs the app calls, by the name WeChat reports as the listener's `referrer`. */
export type PrivacyFeature = 'setClipboardData' | 'makePhoneCall' | 'chooseMedia' | 'chooseMessageFile';

export interface PrivacyPopupTexts {
  title: string;
  contract: string;
  contractFailed: string;
  agree: string;
  decline: string;
  /** The explanation for each feature; `default` for an API not listed. */
  bodies: Record<PrivacyFeature | 'default', string>;
}

/** A key of a dictionary's privacy section; both dictionaries share its shape. */
export type PrivacyTextKey =
  | 'title'
  | 'body'
  | 'contract'
  | 'contractFailed'
  | 'agree'
  | 'decline'
  | `features.${PrivacyFeature | 'default'}`;

/** Looks up a key of one dictionary's privacy section, `{name}` placeholders filled from `params`. */
export type PrivacyLookup = (key: PrivacyTextKey, params?: Record<string, string>) => string;

/** The popup's texts from one dictionary. */
export function privacyTexts(lookup: PrivacyLookup): PrivacyPopupTexts {
  const contract = lookup('contract');
  const body = (feature: PrivacyFeature | 'default') =>
    lookup('body', { feature: lookup(`features.${feature}`), contract });
  return {
    title: lookup('title'),
    contract,
    contractFailed: lookup('contractFailed'),
    agree: lookup('agree'),
    decline: lookup('decline'),
    bodies: {
      default: body('default'),
      setClipboardData: body('setClipboardData'),
      makePhoneCall: body('makePhoneCall'),
      chooseMedia: body('chooseMedia'),
      chooseMessageFile: body('chooseMessageFile'),
    },
  };
}
