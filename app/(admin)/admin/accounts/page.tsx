import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { listUsers } from '@/server/accounts/queries';
import { requirePageRole } from '@/server/auth/session';
import { listCommunityChoices } from '@/server/registry/queries';
import { CreateUserForm } from './_components/create-user-form';
import { UserStatusForm } from './_components/user-status-form';
import { townName } from '@/components/registry/town-name';

export default async function AccountsPage() {
  const { ctx, actor } = await requirePageRole('/admin/accounts', 'admin');
  const [t, tRoles, locale, users, choices] = await Promise.all([
    getTranslations('admin'),
    getTranslations('roles'),
    getLocale(),
    listUsers(ctx, { page: 1, pageSize: 200 }),
    listCommunityChoices(),
  ]);
  const towns = choices.map((town) => ({ code: town.code, name: townName(town, locale), communities: town.communities }));
  return (
    <div className="space-y-10">
      <PageHeader title={t('accountsHeading')} />
      <section aria-labelledby="create-heading" className="rounded-lg border border-slate-300 p-4">
        <h2 id="create-heading" className="text-xl font-bold">
          {t('createHeading')}
        </h2>
        <p className="mb-4 text-muted">{t('createIntro')}</p>
        <CreateUserForm towns={towns} />
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="mb-4 text-xl font-bold">
          {t('listHeading')}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="px-2 py-2">{t('name')}</th>
                <th scope="col" className="px-2 py-2">{t('login')}</th>
                <th scope="col" className="px-2 py-2">{t('role')}</th>
                <th scope="col" className="px-2 py-2">{t('assigned')}</th>
                <th scope="col" className="px-2 py-2">{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {users.rows.map((user) => (
                <tr key={user.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="px-2 py-2 font-medium">{user.name}</th>
                  <td className="px-2 py-2">{user.email ?? user.mobile}</td>
                  <td className="px-2 py-2">{tRoles(user.role)}</td>
                  <td className="px-2 py-2 text-sm">{user.communityNames.join('、') || '—'}</td>
                  <td className="px-2 py-2">
                    <span className="mb-1 block">{user.disabled ? t('disabled') : t('active')}</span>
                    {/* An account with neither e-mail nor mobile was erased by its owner (users_has_login): it stays disabled. */}
                    {user.id !== actor.id && (user.email || user.mobile) ? <UserStatusForm userId={user.id} disabled={user.disabled} name={user.name} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
