import { Link, Outlet } from 'react-router';
import { HOME } from '../../app/routes';
import { useSession } from '../../shared/auth/session';
import { useI18n } from '../../shared/i18n/i18n';
import './public.css';

/**
 * The frame of the public pages: the console's header bar and the page, in plain HTML. No antd
 * (ADR 0032): a visitor who never signs in never downloads it; 登录 opens the console's route tree.
 */
export function PublicShell() {
  const { t, locale, setLocale } = useI18n();
  const { actor } = useSession();
  return (
    <div className="pub">
      <header className="pub-header">
        <span className="pub-title">{t('app.title')}</span>
        <nav aria-label={t('app.mainNav')}>
          <Link className="pub-btn pub-btn-text" to="/public">{t('app.publicArea')}</Link>
          <button type="button" className="pub-btn pub-btn-text" aria-label={t('app.language')} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('app.language.switch')}
          </button>
          {actor ? (
            <Link className="pub-btn pub-btn-primary" to={HOME}>{t('app.workspace')}</Link>
          ) : (
            <Link className="pub-btn pub-btn-primary" to="/login">{t('app.signIn')}</Link>
          )}
        </nav>
      </header>
      <main className="pub-main">
        <Outlet />
      </main>
    </div>
  );
}
