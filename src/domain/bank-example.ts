/**
 * The governance model's bank, as an example configuration: four products (payments, loans,
 * savings and deposits, foreign trade), three channels (web, mobile, API) and three segments
 * (ММБ, СБ, КИБ), each mapped by components and labels, on top of the built-in defaults. An
 * administrator loads it in one step on the settings page; the demo site uses it; the command
 * takes it as `--config examples/bank-config.json` (that file is this function's output, kept
 * equal by a test). Owners are left empty: account ids belong to one site.
 */
import { defaultConfig, GovernanceConfig, type LocalizedText, type MatchRule } from './config';

const t = (en: string, ru: string): LocalizedText => ({ en, ru });
const by = (components: string[], labels: string[]): MatchRule => ({ components, labels, projects: [], field: null });

export function bankExampleConfig(): GovernanceConfig {
  return GovernanceConfig.parse({
    ...defaultConfig(),
    products: [
      { key: 'payments', name: t('Payments', 'Платежи'), match: by(['Payments'], ['payments']) },
      { key: 'loans', name: t('Loans', 'Кредиты'), match: by(['Loans'], ['loans']) },
      { key: 'savings', name: t('Savings and deposits', 'Накопления и депозиты'), match: by(['Savings'], ['savings', 'deposits']) },
      { key: 'fx-trade', name: t('Foreign trade (FX)', 'ВЭД'), match: by(['Foreign trade'], ['fx-trade', 'ved']) },
    ],
    channels: [
      { key: 'web', name: t('Web', 'Веб'), match: by(['Web'], ['web']) },
      { key: 'mobile', name: t('Mobile', 'Мобильный'), match: by(['Mobile'], ['mobile']) },
      { key: 'api', name: t('API', 'API'), match: by(['API'], ['api']) },
    ],
    segments: [
      { key: 'mmb', name: t('Micro and small business (MSB)', 'ММБ'), match: by([], ['mmb']) },
      { key: 'sb', name: t('Mid business (MB)', 'СБ'), match: by([], ['sb']) },
      { key: 'kib', name: t('Corporate and investment (CIB)', 'КИБ'), match: by([], ['kib']) },
    ],
  });
}
