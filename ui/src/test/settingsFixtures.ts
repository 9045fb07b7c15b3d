import { fakeBackend, type CommandHandler } from "./fakeBackend";
import { priceSourcesFixture } from "./fixtures";

/**
 * What the Settings page asks for as it opens, as a new installation answers: the app's
 * locations, no backup due, no country of residence, no networks, the default price sources.
 * A test spreads it and adds or replaces the commands it is about.
 */
export const settingsPageBasics: Record<string, CommandHandler> = {
  app_info: () => ({ version: "0.1.0", dataDir: "/d", databasePath: "/d/s.sqlite3", logPath: "/d/s.log" }),
  backup_status: () => ({ lastBackupAt: null, due: false, reminderDays: 30 }),
  get_settings: () => ({ residenceCountry: null }),
  list_countries: () => [],
  list_networks: () => [],
  get_price_sources: () => priceSourcesFixture(),
  list_scam_lists: () => [],
};

/** A backend for the Settings page: its basics, with `handlers` adding commands or replacing them. */
export function settingsBackend(handlers: Record<string, CommandHandler> = {}) {
  return fakeBackend({ ...settingsPageBasics, ...handlers });
}
