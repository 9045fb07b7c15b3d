import { useCallback, useState } from "react";
import { api, type ChosenFile, type FileToOpen } from "../api";

/**
 * The system's open dialog for one purpose, shown by the backend: `choose()` resolves to the
 * file the user chose (its name, size and the number the backend knows it by; never its path
 * nor its contents), or `null` when they cancelled. `choosing` while the dialog is open.
 */
export function useFileChooser(purpose: FileToOpen) {
  const [choosing, setChoosing] = useState(false);
  const choose = useCallback(async (): Promise<ChosenFile | null> => {
    setChoosing(true);
    try {
      return await api.chooseFile(purpose);
    } finally {
      setChoosing(false);
    }
  }, [purpose]);
  return { choose, choosing };
}
