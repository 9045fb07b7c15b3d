import { useCallback, useEffect, useRef, useState } from "react";
import { api, type NewMnemonic } from "../api";

type NewMnemonicState =
  | { status: "loading" }
  | { status: "ready"; mnemonic: NewMnemonic }
  | { status: "failed"; error: unknown };

/** The backend forgets a pending phrase by itself after a while; a failed cancel only leaves it to that. */
function cancelPending(pendingId: string) {
  api.cancelNewAccount(pendingId).catch(() => undefined);
}

/**
 * Asks the backend for a new recovery phrase and keeps it in this component's state
 * only (never in the query cache). Leaving, or starting again, cancels the pending
 * phrase unless it was saved; the words go with the component.
 */
export function useNewMnemonic() {
  const [state, setState] = useState<NewMnemonicState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const savedPendingId = useRef<string | null>(null);

  useEffect(() => {
    let current = true;
    let pendingId: string | null = null;
    api.beginNewAccount().then(
      (mnemonic) => {
        // Left (or started again) while it was being made.
        if (!current) return cancelPending(mnemonic.pendingId);
        pendingId = mnemonic.pendingId;
        setState({ status: "ready", mnemonic });
      },
      (error: unknown) => {
        if (current) setState({ status: "failed", error });
      },
    );
    return () => {
      current = false;
      if (pendingId !== null && pendingId !== savedPendingId.current) cancelPending(pendingId);
    };
  }, [attempt]);

  /** Drops these words (the backend forgets them) and asks for new ones. */
  const startAgain = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((count) => count + 1);
  }, []);

  /** The account was created from this phrase: nothing to cancel any more. */
  const markSaved = useCallback((pendingId: string) => {
    savedPendingId.current = pendingId;
  }, []);

  return { state, startAgain, markSaved };
}
