import { Textarea } from "@mantine/core";
import { screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderComponent } from "../test/renderComponent";
import { FormCard } from "./FormCard";
import { useFormSubmit } from "./useFormSubmit";

function NoteForm({ onSubmit }: { onSubmit: (note: string) => Promise<unknown> }) {
  const [note, setNote] = useState("");
  const submission = useFormSubmit({ isField: (name): name is "note" => name === "note", whenUnexpected: "Try again.", onSubmit });
  return (
    <FormCard title="Add a note" description="Kept as typed." submission={submission} input={note} data-testid="note-form">
      <Textarea name="note" label="Note" value={note} onChange={(event) => setNote(event.currentTarget.value)} />
    </FormCard>
  );
}

describe("FormCard", () => {
  it("is named by its heading and submits what is typed on Ctrl+Enter, busy until done", async () => {
    let finish = () => {};
    const onSubmit = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { user } = renderComponent(<NoteForm onSubmit={onSubmit} />);

    const form = screen.getByRole("form", { name: "Add a note" });
    expect(form).toBe(screen.getByTestId("note-form"));
    expect(screen.getByRole("heading", { level: 2, name: "Add a note" })).toBeInTheDocument();
    expect(screen.getByText("Kept as typed.")).toBeInTheDocument();

    await user.type(screen.getByRole("textbox", { name: "Note" }), "a line{Control>}{Enter}{/Control}");
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith("a line");
    expect(form).toHaveAttribute("aria-busy", "true");
    finish();
    await waitFor(() => expect(form).toHaveAttribute("aria-busy", "false"));
  });
});
