import { useRef, useState } from "react";

/** A CSV import up to its preview: nothing chosen, the chosen file being read and checked, what it would add, or why it cannot. */
export type CsvFileStage<Preview> =
  | { step: "idle" }
  | { step: "reading"; name: string }
  | { step: "previewed"; name: string; contents: string; preview: Preview }
  | { step: "failed"; title: string; error: unknown };

/**
 * The first steps of a CSV import: a file is chosen, read as text and previewed by `previewContents`
 * (the backend checks it whole); a file that cannot be read or checked fails with its name. `Later`
 * are the stages the import adds after its preview (its progress, say). Give `choose` and `resetRef`
 * to a `FileButton`: the choice is reset each time, so the same file can be chosen again.
 */
export function useCsvFilePreview<Preview, Later extends { step: string } = never>(previewContents: (contents: string) => Promise<Preview>) {
  const [stage, setStage] = useState<CsvFileStage<Preview> | Later>({ step: "idle" });
  const resetRef = useRef<() => void>(null);

  const choose = async (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    setStage({ step: "reading", name: file.name });
    try {
      const contents = await file.text();
      const preview = await previewContents(contents);
      setStage({ step: "previewed", name: file.name, contents, preview });
    } catch (error) {
      setStage({ step: "failed", title: `${file.name} could not be read`, error });
    }
  };

  return { stage, setStage, choose, resetRef };
}
