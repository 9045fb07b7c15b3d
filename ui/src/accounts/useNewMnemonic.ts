import { useCallback, useEffect, useRef, useState } from "react";
import { api, type NewMnemonic } from "../api";
import { useRecheckKeyringOnFailure } from "./accountsQueries";

type NewMnemonicState =
  /** Not asked for yet: waiting until the keyring can store a phrase. */
  | { status: "waiting" }
  | { status: "loading" }
  | { status: "ready"; mnemonic: NewMnemonic }
  | { status: "failed"; error: unknown };

/** The backend forgets a pending phrase by itself after a while; a failed cancel only leaves it to that. */
function cancelPending(pendingId: string) {
  api.cancelNewAccount(pendingId).catch(() => undefined);
}

/**
 * Asks the backend for a new recovery phrase and keeps it in this component's state
 * only (never in the query cache). No phrase is asked for while `keyringReady` is false
 * (the keyring could not store it); once shown, the words stay even if the keyring
 * becomes unusable, so that they can be saved once it is usable again. Leaving, or
 * starting again, cancels the pending phrase unless it was saved; the words go with
 * the component.
 */
export function useNewMnemonic(keyringReady: boolean) {
  const [state, setState] = useState<NewMnemonicState>({ status: "waiting" });
  // Counts the requests: a reply to an older one (the user left or started again) is only cancelled.
  const latestRequest = useRef(0);
  // The phrase shown now, as long as it is not saved.
  const shownPendingId = useRef<string | null>(null);
  const recheckKeyringOnFailure = useRecheckKeyringOnFailure();

  // Asked for as soon as the keyring can store it: the state moves on while rendering
  // (React's way to adjust state to a prop, rather than an effect's extra render), and the
  // effect below sends one request for each new "loading" state.
  if (state.status === "waiting" && keyringReady) setState({ status: "loading" });
  const loading = state.status === "loading" ? state : null;
  useEffect(() => {
    if (loading === null) return;
    const request = ++latestRequest.current;
    recheckKeyringOnFailure(api.beginNewAccount)().then(
      (mnemonic) => {
        if (request !== latestRequest.current) return cancelPending(mnemonic.pendingId);
        shownPendingId.current = mnemonic.pendingId;
        setState({ status: "ready", mnemonic });
      },
      (error: unknown) => {
        if (request === latestRequest.current) setState({ status: "failed", error });
      },
    );
  }, [loading, recheckKeyringOnFailure]);

  /** Drops the words shown, if any (the backend forgets them), and any reply still to come. */
  const forgetShown = useCallback(() => {
    latestRequest.current += 1;
    if (shownPendingId.current !== null) cancelPending(shownPendingId.current);
    shownPendingId.current = null;
  }, []);

  useEffect(() => forgetShown, [forgetShown]);

  /** Drops these words and asks for new ones (as soon as the keyring can store them). */
  const startAgain = useCallback(() => {
    forgetShown();
    setState({ status: "waiting" });
  }, [forgetShown]);

  /** The account was created from this phrase: nothing to cancel any more. */
  const markSaved = useCallback((pendingId: string) => {
    if (shownPendingId.current === pendingId) shownPendingId.current = null;
  }, []);

  return { state, startAgain, markSaved };
}
