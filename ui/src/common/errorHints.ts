import type { ErrorCode } from "../api";

/** What the user can try next, by error code. The backend's message says what happened. */
const hints: Partial<Record<ErrorCode, string>> = {
  sale_not_found: "It may have been deleted. Go back to the list of sales.",
  database_newer_than_app:
    "The data file was written by a newer Saleguard. Install the newer version; this one will not change the file.",
  not_a_database: "The data file is not a Saleguard database. Check the data directory in Settings.",
  database_corrupt: "The data file is damaged. Keep a copy of it, then restore from a backup if you have one.",
  storage_failed: "Check that the disk is not full and the data directory is writable, then try again.",
  data_dir_unavailable: "Check that the data directory exists and is writable.",
  internal: "This is a bug in Saleguard. The log file (see Settings) has the details.",
};

export function errorHint(code: ErrorCode): string | undefined {
  return hints[code];
}
