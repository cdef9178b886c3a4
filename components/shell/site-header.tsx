import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { setElderModeAction, setLocaleAction } from '@/app/actions';
import { buttonClass } from '@/components/ui/button';
import { getCurrentActor, getRequestContext } from '@/server/auth/session';
import { countUnread } from '@/server/bookings/notifications';
import { ROLE_LINKS } from './role-links';
import { SignOutButton } from './sign-out-button';

const linkClass = 'inline-flex min-h-11 items-center rounded-md px-3 text-base font-medium text-ink hover:bg-brand-50';

export async function SiteHeader({ elder }: { elder: boolean }) {
  const [t, tRoles, tCommon, locale, actor] = await Promise.all([
    getTranslations('nav'),
    getTranslations('roles'),
    getTranslations('common'),
    getLocale(),
    getCurrentActor(),
  ]);
  const unread = actor ? await countUnread(await getRequestContext()) : 0;
  const tNotifications = await getTranslations('notifications');
  const all = [{ href: '/', label: 'home' }, { href: '/communities', label: 'directory' }, { href: '/activities', label: 'activities' }, ...(actor ? ROLE_LINKS[actor.role] : [])];
  // Elder mode keeps the essential places: finding a room or an activity, and one's own.
  const links = elder ? all.filter((link) => link.href !== '/communities') : all;
  return (
    <header data-site-header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <Link href="/" className="inline-flex min-h-11 items-center gap-2 text-xl font-bold text-brand-800">
          <span aria-hidden="true" className="grid size-9 place-items-center rounded-md bg-brand-700 text-white">
            邻
          </span>
          <span>{tCommon('appName')}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <form action={setElderModeAction}>
            <input type="hidden" name="elder" value={elder ? 'off' : 'on'} />
            <button type="submit" className={buttonClass(elder ? 'secondary' : 'primary', 'text-sm')} data-elder-switch>
              {elder ? t('standardMode') : t('elderMode')}
            </button>
          </form>
          <form action={setLocaleAction}>
            <input type="hidden" name="locale" value={locale === 'en' ? 'zh-CN' : 'en'} />
            <button type="submit" className={buttonClass('secondary', 'text-sm')} lang={locale === 'en' ? 'zh-CN' : 'en'} aria-label={t('switchToLabel')}>
              {t('switchTo')}
            </button>
          </form>
          {actor ? (
            <>
              <span className="hidden text-sm text-muted sm:inline">{t('signedInAs', { name: actor.name, role: tRoles(actor.role) })}</span>
              <Link href="/notifications" className={buttonClass('secondary', 'text-sm')}>
                {unread > 0 ? tNotifications('linkWithCount', { count: unread }) : tNotifications('link')}
              </Link>
              <Link href="/my-data" className={buttonClass('secondary', 'text-sm')}>
                {t('myData')}
              </Link>
              <SignOutButton label={t('signOut')} />
            </>
          ) : (
            <>
              <Link href="/sign-in" className={buttonClass('secondary', 'text-sm')}>
                {t('signIn')}
              </Link>
              <Link href="/register" className={buttonClass('primary', 'text-sm')}>
                {t('register')}
              </Link>
            </>
          )}
        </div>
      </div>
      <nav aria-label={t('main')} className="border-t border-slate-100 bg-slate-50">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-2 py-1">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className={linkClass}>
                {t(link.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
