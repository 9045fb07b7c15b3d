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
  account_not_found: "It may have been removed. Go back to the list of accounts.",
  account_exists: "That address is already one of your accounts: look for it in the list.",
  pending_mnemonic_expired: "Start again: Saleguard will show a new recovery phrase. The old one was never saved.",
  not_derivable: "Only accounts made from a recovery phrase can derive more addresses.",
  no_secret: "Watch-only and hardware accounts have no secret in the keyring.",
  participation_not_found: "Go back to the list of participations.",
  participation_exists: "Each sale has one participation: open it from the sale's page and record the next step there.",
  participation_changed: "What is stored now is shown above. Check it, then record the step again.",
  nothing_to_override: "Review the contribution again: the sale, the budget or the prices may have changed since.",
  not_overridable: "Fix what can never be overridden (the chain or the destination address), then review again.",
  contact_not_found: "It may have been removed already: the list shows what is kept now.",
  sale_has_participations: "Archive the sale instead: it is kept with its participation's history, out of the way.",
  sale_has_overrides: "Archive the sale instead: it is kept with its overridden reviews and their reasons, out of the way.",
  network_not_found: "Add the chain's network, with the RPC URL of a node you trust, in Settings → Networks.",
  network_not_configured: "Give the network the RPC URL of a node you trust in Settings → Networks.",
  node_unreachable: "Check that the node is running and that its RPC URL in Settings → Networks is right, then try again.",
  node_timeout: "The node may be busy or far away. Try again, or check it in Settings → Networks.",
  wrong_chain: "The RPC URL in Settings → Networks leads to a node of another chain. Nothing was signed or sent.",
  no_refund_call: "Add the sale's \"Claim refund\" action (e.g. claimRefund()) under On chain on the sale's page.",
  token_unknown: "Add the token's contract address under On chain on the sale's page, then check for tokens again.",
  transfer_not_found: "The list shows the transfers found now: check for tokens again.",
  review_blocked: "Give a reason to override what blocks it, or go back.",
  review_outdated: "Go back and review it again: nothing was signed.",
  nonce_reserved: "Another signed transaction of this account uses the same nonce. Go back and review it again.",
  signing_failed: "Nothing was sent. Check that the account's key in the keyring is the right one.",
  // price_api_off: its message says where to turn the API on.
  price_api_unreachable: "No price was changed. Check this computer's internet connection and the base URL in Settings → Price sources, then try again.",
  price_api_rate_limited: "No price was changed. Wait a little before fetching again; an API key may allow more requests.",
  price_api_key_refused: "No price was changed. Check the API key and that the base URL is the one it is for, in Settings → Price sources.",
  price_api_failed: "No price was changed. Try again later, or check the base URL in Settings → Price sources.",
  download_failed: "Nothing was changed. Check the address and this computer's internet connection, then try again.",
  // The keyring_* messages already say what to do (they name the keyring of the system).
  // Hardware wallets: the message says what happened; the hint how to get the device ready.
  device_not_found:
    "Connect the device with a USB data cable and unlock it with your PIN; on a Ledger, open the Ethereum app. Close Ledger Live, Trezor Suite and other wallet apps, which can keep the device to themselves.",
  device_locked: "Unlock the device with your PIN (then, on a Ledger, open the Ethereum app) and try again.",
  device_app_not_open: "On the Ledger, open the Ethereum app (install it with Ledger Live if it is missing), then try again.",
  blind_signing_disabled:
    "On the Ledger, open the Ethereum app, go to Settings and enable Blind signing, then sign again. Before you approve, compare the transaction hash on the device with the one Saleguard shows.",
  device_rejected:
    "If what the device showed differs from what Saleguard shows, do not go ahead; otherwise sign again and approve it on the device.",
  device_timeout:
    "The device waits up to 2 minutes for you to confirm. Try again when you are ready to look at its screen.",
  device_disconnected: "Reconnect the device and unlock it (on a Ledger, open the Ethereum app), then try again. Nothing was signed.",
  device_busy:
    "The device still shows an earlier request, or another program (another Saleguard window or the saleguard command) is using it: finish that request on the device or close the other program, then try again.",
  device_malformed:
    "Unplug the device and plug it in again, then try again. Updating its firmware (and a Ledger's Ethereum app) may help.",
  device_refused: "Check that the device's firmware (and a Ledger's Ethereum app) is up to date, then try again.",
  device_address_mismatch:
    "Check that this is the same device (with the same passphrase, if you use one) that listed the address, then list its addresses again.",
};

/**
 * A short heading for failures whose message needs one to be read at a glance. The OS
 * keyring's failures come with guidance in the message, but the message can be long
 * or quote the operating system.
 */
const headings: Partial<Record<ErrorCode, string>> = {
  keyring_locked: "The keyring is locked",
  keyring_unavailable: "No keyring is available",
  keyring_access_denied: "The keyring refused access",
  keyring_entry_missing: "The secret is missing from the keyring",
  keyring_entry_unreadable: "The secret in the keyring cannot be read",
  keyring_failure: "The keyring reported an error",
  price_api_unreachable: "The price API could not be reached",
  price_api_rate_limited: "The price API asked to be asked less often",
  price_api_key_refused: "The price API refused the key",
  price_api_failed: "The price API did not answer with prices",
  download_failed: "The list could not be fetched",
  device_not_found: "No hardware wallet found",
  device_locked: "The device is locked",
  device_app_not_open: "The Ethereum app is not open",
  blind_signing_disabled: "Blind signing is disabled on the Ledger",
  device_rejected: "Rejected on the device",
  device_timeout: "The device was not confirmed in time",
  device_disconnected: "The device was disconnected",
  device_busy: "The device is busy",
  device_malformed: "The device's answer could not be read",
  device_refused: "The device refused the request",
};

export function errorHint(code: ErrorCode): string | undefined {
  return hints[code];
}

export function errorHeading(code: ErrorCode): string | undefined {
  return headings[code];
}
