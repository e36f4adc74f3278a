import type { CatalogueOf } from '@kyogikai/ui';
import type { portalJa } from './ja';

export const portalEn: CatalogueOf<typeof portalJa> = {
  app: {
    name: 'Member portal',
  },
  signIn: {
    title: 'Sign in',
    lead: 'Enter the user ID (login ID) sent to you by email when your provisional account was issued, and the password you registered.',
    loginId: 'User ID (login ID)',
  },
  auth: {
    invalidCredentials: 'The user ID (login ID) or password is not correct.',
  },
  session: {
    idleSignedOut:
      'You were signed out automatically because there was no activity for a while. Anything you saved with “Save for now” is kept; sign in again to continue.',
  },
  myPage: {
    title: 'My page',
    welcome: 'Welcome, {{name}}',
    accountHeading: 'Account',
    displayName: 'Name',
    loginId: 'User ID (login ID)',
    email: 'Email address',
    idleNoticeTitle: 'Please note',
    idleNotice:
      'If there is no activity for 30 minutes, you are signed out automatically. While entering information, save it with “Save for now” so nothing is lost.',
  },
};
