import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appErrorFixture, chooseFileAnswers, chosenFileFixture } from "../test/fixtures";
import { renderApp } from "../test/renderApp";
import { settingsBackend } from "../test/settingsFixtures";

describe("encrypted backups in Settings", () => {
  it("asks for the passphrase twice, shows a refusal at its field, and says where the save dialog put the backup", async () => {
    let status = { lastBackupAt: null as string | null, due: true, reminderDays: 30 };
    const backend = settingsBackend({
      backup_status: () => status,
      create_backup: (args) => {
        const { passphrase } = (args as { input: { passphrase: string } }).input;
        if (passphrase.length < 12) {
          throw appErrorFixture({ code: "weak_passphrase", message: "passphrase: at least 12 characters", field: "passphrase", invalidFields: [{ field: "passphrase", code: "weak_passphrase", message: "at least 12 characters" }] });
        }
        status = { lastBackupAt: "2027-01-10T12:00:00Z", due: false, reminderDays: 30 };
        return { path: "/home/me/Downloads/saleguard-backup-2027-01-10.age", bytes: 4096, createdAt: "2027-01-10T12:00:00Z" };
      },
    });
    const { user } = renderApp("#/settings");
    expect(await screen.findByTestId("backup-status")).toHaveTextContent("No backup yet. Time for one: none in the last 30 days.");
    const form = screen.getByTestId("backup-form");
    const passphrase = within(form).getByLabelText("Passphrase");
    const again = within(form).getByLabelText("The same passphrase again");

    await user.type(passphrase, "short");
    await user.type(again, "shorter");
    await user.click(within(form).getByTestId("create-backup"));
    await waitFor(() => expect(again).toHaveAttribute("aria-invalid", "true"));
    expect(again).toHaveFocus();
    expect(form).toHaveTextContent("type the same passphrase twice");
    expect(backend.callsTo("create_backup")).toHaveLength(0);

    await user.clear(again);
    await user.type(again, "short");
    await user.click(within(form).getByTestId("create-backup"));
    await waitFor(() => expect(passphrase).toHaveAttribute("aria-invalid", "true"));
    expect(form).toHaveTextContent("at least 12 characters");

    await user.clear(passphrase);
    await user.clear(again);
    await user.type(passphrase, "correct horse battery");
    await user.type(again, "correct horse battery");
    await user.click(within(form).getByTestId("create-backup"));
    expect(await screen.findByTestId("backup-path")).toHaveTextContent("saleguard-backup-2027-01-10.age");
    expect(passphrase).toHaveValue("");
    expect(again).toHaveValue("");
    await waitFor(() => expect(screen.getByTestId("backup-status")).toHaveTextContent("Last backup"));
    expect(screen.getByTestId("backup-status")).not.toHaveTextContent("Time for one");
    expect(backend.callsTo("create_backup").map((call) => call.args)).toEqual([{ input: { passphrase: "short" } }, { input: { passphrase: "correct horse battery" } }]);
  });

  it("writes nothing and says nothing when the save dialog is cancelled, keeping the passphrases typed", async () => {
    let cancel = true;
    const backend = settingsBackend({
      create_backup: () => (cancel ? null : { path: "/home/me/backups/saleguard-backup-2027-01-10.age", bytes: 4096, createdAt: "2027-01-10T12:00:00Z" }),
    });
    const { user } = renderApp("#/settings");
    const form = await screen.findByTestId("backup-form");
    const passphrase = within(form).getByLabelText("Passphrase");
    const again = within(form).getByLabelText("The same passphrase again");
    const create = within(form).getByTestId("create-backup");
    await user.type(passphrase, "correct horse battery");
    await user.type(again, "correct horse battery");

    await user.click(create);
    await waitFor(() => expect(backend.callsTo("create_backup")).toHaveLength(1));
    await waitFor(() => expect(create).not.toHaveAttribute("data-loading"));
    expect(within(form).queryByTestId("backup-done")).not.toBeInTheDocument();
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();
    expect(passphrase).toHaveValue("correct horse battery");
    expect(again).toHaveValue("correct horse battery");

    // Once written, then cancelled: the earlier "Backup written" goes, the passphrases stay.
    cancel = false;
    await user.click(create);
    expect(await within(form).findByTestId("backup-path")).toHaveTextContent("/home/me/backups/saleguard-backup-2027-01-10.age");
    expect(passphrase).toHaveValue("");
    cancel = true;
    await user.type(passphrase, "another horse battery");
    await user.type(again, "another horse battery");
    await user.click(create);
    await waitFor(() => expect(backend.callsTo("create_backup")).toHaveLength(3));
    await waitFor(() => expect(create).not.toHaveAttribute("data-loading"));
    expect(within(form).queryByTestId("backup-done")).not.toBeInTheDocument();
    expect(passphrase).toHaveValue("another horse battery");
    expect(again).toHaveValue("another horse battery");
    expect(backend.callsTo("create_backup").map((call) => call.args)).toEqual([
      { input: { passphrase: "correct horse battery" } },
      { input: { passphrase: "correct horse battery" } },
      { input: { passphrase: "another horse battery" } },
    ]);
  });

  it("restores a chosen backup with its passphrase, and says why not when it cannot", async () => {
    let attempts = 0;
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(chosenFileFixture("saleguard-backup.age", 21)),
      restore_backup: () => {
        attempts += 1;
        if (attempts === 1) throw appErrorFixture({ code: "wrong_passphrase", message: "the passphrase does not open this backup (or the file was changed): nothing was restored" });
        return { tables: [{ table: "sales", rows: 3 }] };
      },
    });
    const { user } = renderApp("#/settings");
    const form = await screen.findByTestId("restore-form");
    expect(within(form).getByTestId("restore-backup")).toBeDisabled();
    await user.click(within(form).getByTestId("choose-backup"));
    await waitFor(() => expect(within(form).getByTestId("choose-backup")).toHaveTextContent("saleguard-backup.age"));
    expect(within(form).getByTestId("restore-backup")).toBeDisabled();
    await user.type(within(form).getByLabelText("Passphrase of the backup"), "a wrong one");
    await user.click(within(form).getByTestId("restore-backup"));
    expect(await within(form).findByRole("alert")).toHaveTextContent("the passphrase does not open this backup");
    await user.click(within(form).getByTestId("restore-backup"));
    expect(await screen.findByText("3 sales.")).toBeInTheDocument();
    expect(backend.callsTo("choose_file").map((call) => call.args)).toEqual([{ purpose: "backup" }]);
    expect(backend.callsTo("restore_backup").map((call) => call.args)).toEqual([
      { file: 21, input: { passphrase: "a wrong one" } },
      { file: 21, input: { passphrase: "a wrong one" } },
    ]);
    await waitFor(() => expect(within(form).getByTestId("choose-backup")).toHaveTextContent("Choose a backup…"));
    expect(within(form).getByLabelText("Passphrase of the backup")).toHaveValue("");
  });

  it("keeps the backup chosen before when the open dialog is cancelled", async () => {
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(null, chosenFileFixture("saleguard-backup.age", 22), null),
      restore_backup: () => ({ tables: [] }),
    });
    const { user } = renderApp("#/settings");
    const form = await screen.findByTestId("restore-form");
    const choose = within(form).getByTestId("choose-backup");
    await user.type(within(form).getByLabelText("Passphrase of the backup"), "correct horse battery");

    await user.click(choose);
    await waitFor(() => expect(backend.callsTo("choose_file")).toHaveLength(1));
    await waitFor(() => expect(choose).not.toHaveAttribute("data-loading"));
    expect(choose).toHaveTextContent("Choose a backup…");
    expect(within(form).getByTestId("restore-backup")).toBeDisabled();
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();

    await user.click(choose);
    await waitFor(() => expect(choose).toHaveTextContent("saleguard-backup.age"));
    await user.click(choose);
    await waitFor(() => expect(backend.callsTo("choose_file")).toHaveLength(3));
    await waitFor(() => expect(choose).not.toHaveAttribute("data-loading"));
    expect(choose).toHaveTextContent("saleguard-backup.age");
    expect(within(form).getByTestId("restore-backup")).toBeEnabled();
    expect(backend.callsTo("restore_backup")).toHaveLength(0);

    await user.click(within(form).getByTestId("restore-backup"));
    await waitFor(() => expect(backend.callsTo("restore_backup").map((call) => call.args)).toEqual([{ file: 22, input: { passphrase: "correct horse battery" } }]));
  });

  it("says so when the open dialog could not give the backup chosen", async () => {
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(appErrorFixture({ code: "file_unreadable", message: "/home/me/backups is not a file" })),
    });
    const { user } = renderApp("#/settings");
    const form = await screen.findByTestId("restore-form");
    await user.click(within(form).getByTestId("choose-backup"));
    const alert = await within(form).findByRole("alert");
    expect(alert).toHaveTextContent("No backup could be chosen");
    expect(alert).toHaveTextContent("/home/me/backups is not a file");
    expect(within(form).getByTestId("choose-backup")).toHaveTextContent("Choose a backup…");
    expect(within(form).getByTestId("restore-backup")).toBeDisabled();
    expect(backend.callsTo("choose_file").map((call) => call.args)).toEqual([{ purpose: "backup" }]);
  });
});
