import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

/** What the layout needs from `tenant.get`: the council's names and its secretariat contact. */
export interface TenantBranding {
  nameJa: string;
  nameEn: string;
  secretariat: { name: string; email: string; phone: string; hours: string };
}

export function tenantDisplayName(tenant: Pick<TenantBranding, 'nameJa' | 'nameEn'>, language: string): string {
  return language === 'en' && tenant.nameEn ? tenant.nameEn : tenant.nameJa;
}

export interface AppLayoutProps {
  /** Undefined while `tenant.get` loads; the header then shows only the app name. */
  tenant: TenantBranding | undefined;
  /** The app's own name under the council's name (e.g. 会員ポータル). */
  appName: string;
  /** Where the council name links to (the app's top page). */
  homeHref: string;
  /** Lets the app's router handle that link without a page load. */
  onHomeClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
  /** A message shown above every page (e.g. a failed sign-out). */
  banner?: ReactNode;
  /** Signed-in user's name and sign-out button, when signed in. */
  userArea?: ReactNode;
  children: ReactNode;
}

/**
 * The frame every page shares: skip link, header with the council's name (tenant branding is
 * applied at render, SPEC G2), language switch, one `main` landmark and a footer with the
 * secretariat's contact details.
 */
export function AppLayout({ tenant, appName, homeHref, onHomeClick, banner, userArea, children }: AppLayoutProps) {
  const { t, i18n } = useTranslation();
  const tenantName = tenant ? tenantDisplayName(tenant, i18n.language) : '';
  return (
    <>
      <a className="k-skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="k-header">
        <div className="k-header__inner">
          <div className="k-header__brand">
            <a className="k-header__tenant" href={homeHref} onClick={onHomeClick}>
              {tenantName || appName}
            </a>
            {tenantName ? <span className="k-header__app">{appName}</span> : null}
          </div>
          <div className="k-header__tools">
            {userArea ? <div className="k-header__user">{userArea}</div> : null}
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" className="k-main" tabIndex={-1}>
        <div className="k-main__inner">
          {banner}
          {children}
        </div>
      </main>
      {tenant ? (
        <footer className="k-footer">
          <div className="k-footer__inner">
            <h2>{t('layout.contactHeading')}</h2>
            {/* The council's contact details are tenant data, written in Japanese. */}
            <p className="k-footer__org" lang="ja">
              {tenant.secretariat.name}
            </p>
            <dl>
              <dt>{t('layout.contactEmail')}</dt>
              <dd>
                <a href={`mailto:${tenant.secretariat.email}`}>{tenant.secretariat.email}</a>
              </dd>
              <dt>{t('layout.contactPhone')}</dt>
              <dd>
                <a href={`tel:${tenant.secretariat.phone.replace(/[^\d+]/g, '')}`}>{tenant.secretariat.phone}</a>
              </dd>
              <dt>{t('layout.contactHours')}</dt>
              <dd lang="ja">{tenant.secretariat.hours}</dd>
            </dl>
          </div>
        </footer>
      ) : null}
    </>
  );
}
