import { useState } from "react";
import type { ChosenFile, FileToOpen } from "../api";
import { useFileChooser } from "./useFileChooser";

/** A CSV import up to its preview: nothing chosen, the chosen file being checked, what it would add, or why it cannot. */
export type CsvFileStage<Preview> =
  | { step: "idle" }
  | { step: "reading"; file: ChosenFile }
  | { step: "previewed"; file: ChosenFile; preview: Preview }
  | { step: "failed"; title: string; error: unknown };

/**
 * The first steps of a CSV import: a file is chosen in the system's dialog and previewed by
 * `previewFile` (the backend reads it and checks it whole); a file that cannot be read or checked
 * fails with its name. Cancelling the dialog keeps what was there. `Later` are the stages the
 * import adds after its preview (its progress, say).
 */
export function useCsvFilePreview<Preview, Later extends { step: string } = never>(purpose: FileToOpen, previewFile: (file: number) => Promise<Preview>) {
  const [stage, setStage] = useState<CsvFileStage<Preview> | Later>({ step: "idle" });
  const chooser = useFileChooser(purpose);

  const choose = async () => {
    let file: ChosenFile | null;
    try {
      file = await chooser.choose();
    } catch (error) {
      setStage({ step: "failed", title: "No file could be chosen", error });
      return;
    }
    if (!file) return;
    setStage({ step: "reading", file });
    try {
      const preview = await previewFile(file.id);
      setStage({ step: "previewed", file, preview });
    } catch (error) {
      setStage({ step: "failed", title: `${file.name} could not be read`, error });
    }
  };

  return { stage, setStage, choose, choosing: chooser.choosing };
}
