/**
 * The app's Marketplace license as the UI learns it: the one resolver that says whether the
 * install's license is active, and the words every surface shows when it is not (English and
 * Russian). Type-only apart from the resolver name and the words: `protocol.ts` re-exports it, so
 * the UI still shares one module with the backend. The server decides (src/forge/license.ts); the
 * UI only shows what the server answered.
 */

/**
 * `active`: a paid install with an active license. `inactive`: a paid install whose license is not
 * active (cancelled, expired, an evaluation that ended). `none`: Forge sent no license at all,
 * which it does for free apps and for development and staging installs (see docs/forge.md,
 * "Licensing"): the app then works in full.
 */
export type LicenseState = 'active' | 'inactive' | 'none';

export interface LicenseStatusData {
  state: LicenseState;
}

export interface LicenseResolverTypes {
  'license/status': { payload: Record<string, never>; data: LicenseStatusData };
}

export const LICENSE_RESOLVER = {
  licenseStatus: 'license/status',
} as const satisfies Record<string, keyof LicenseResolverTypes>;

/** What a surface shows, in place of its figures, while the license is not active. */
export const LICENSE_INACTIVE = {
  en: {
    title: 'Your Governance for Jira license is not active',
    body: 'Figures, checklists and fixes are paused until the license is renewed. Nothing is lost: the configuration, the checklists and the history are kept. A Jira administrator can renew it in Jira settings → Apps → Manage apps, and can still open Governance settings to review or export the configuration.',
    admin: 'Settings can be reviewed and exported; saving, importing and syncing wait for an active license.',
  },
  ru: {
    title: 'Лицензия Governance for Jira не активна',
    body: 'Показатели, чек-листы и исправления приостановлены до продления лицензии. Ничего не потеряно: конфигурация, чек-листы и история сохранены. Администратор Jira может продлить лицензию в разделе «Настройки Jira → Приложения → Управление приложениями» и по-прежнему может открыть настройки governance, чтобы просмотреть или выгрузить конфигурацию.',
    admin: 'Настройки можно просматривать и выгружать; сохранение, импорт и синхронизация ждут активной лицензии.',
  },
} as const;

/** The error message of a refused call: both languages, as the workflow validators answer. */
export const LICENSE_INACTIVE_MESSAGE = `${LICENSE_INACTIVE.en.title}: nothing was changed. A Jira administrator can renew it in Jira settings → Apps → Manage apps. / ${LICENSE_INACTIVE.ru.title}: ничего не изменено. Администратор Jira может продлить её в разделе «Настройки Jira → Приложения → Управление приложениями».`;
