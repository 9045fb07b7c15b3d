import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appErrorFixture } from "../test/fixtures";
import { renderApp } from "../test/renderApp";
import { settingsBackend } from "../test/settingsFixtures";

describe("encrypted backups in Settings", () => {
  it("asks for the passphrase twice, shows a refusal at its field, and says where the backup went", async () => {
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
    await waitFor(() => expect(screen.getByTestId("backup-status")).toHaveTextContent("Last backup"));
    expect(screen.getByTestId("backup-status")).not.toHaveTextContent("Time for one");
  });

  it("restores a chosen backup with its passphrase, and says why not when it cannot", async () => {
    let attempts = 0;
    const backend = settingsBackend({
      restore_backup: () => {
        attempts += 1;
        if (attempts === 1) throw appErrorFixture({ code: "wrong_passphrase", message: "the passphrase does not open this backup (or the file was changed): nothing was restored" });
        return { tables: [{ table: "sales", rows: 3 }] };
      },
    });
    const { user } = renderApp("#/settings");
    const form = await screen.findByTestId("restore-form");
    const input = form.querySelector<HTMLInputElement>("input[type='file']");
    if (!input) throw new Error("no file input");
    await user.upload(input, new File(["-----BEGIN AGE ENCRYPTED FILE-----\nabc\n-----END AGE ENCRYPTED FILE-----\n"], "saleguard-backup.age"));
    expect(within(form).getByTestId("restore-backup")).toBeDisabled();
    await user.type(within(form).getByLabelText("Passphrase of the backup"), "a wrong one");
    await user.click(within(form).getByTestId("restore-backup"));
    expect(await within(form).findByRole("alert")).toHaveTextContent("the passphrase does not open this backup");
    await user.click(within(form).getByTestId("restore-backup"));
    expect(await screen.findByText("3 sales.")).toBeInTheDocument();
    expect(backend.callsTo("restore_backup")[0]?.args).toEqual({
      contents: "-----BEGIN AGE ENCRYPTED FILE-----\nabc\n-----END AGE ENCRYPTED FILE-----\n",
      input: { passphrase: "a wrong one" },
    });
  });
});
