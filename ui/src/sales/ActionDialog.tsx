import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea, type TextInputProps } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDeviceFloppy } from "@tabler/icons-react";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { isAppError, type ActionPurpose, type Sale, type SaleAction, type SaleActionInput } from "../api";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf } from "../common/formErrors";
import { submitOnEnterKeys } from "../common/formKeys";
import { useFormSubmit } from "../common/useFormSubmit";
import { actionPurposeLooks, actionPurposes, isUniquePurpose } from "./actionLooks";
import { useSaveAction } from "./salesQueries";

type ActionField = keyof SaleActionInput;

const actionLabels: Record<ActionField, string> = {
  name: "Name",
  purpose: "What it is for",
  contract: "Contract",
  contractSource: "Where that contract's address was published",
  signature: "Function",
  arguments: "Arguments",
  claimable: "What can be claimed (a view)",
};

const isActionField = fieldNamesOf(actionLabels);

const monospace = { input: { fontFamily: "var(--mantine-font-family-monospace)" } };

/** What the form holds: the arguments as the textarea shows them, one per line. */
type ActionForm = Omit<SaleActionInput, "arguments"> & { arguments: string };

function formOf(input: SaleActionInput): ActionForm {
  return { ...input, arguments: input.arguments.join("\n") };
}

function inputOf(form: ActionForm): SaleActionInput {
  const lines = form.arguments.split("\n").map((line) => line.trim());
  return { ...form, arguments: lines.filter((line) => line !== "") };
}

/**
 * The backend names an argument's problem at `arguments.N`; the form shows every one under
 * the one Arguments box, each with the line it is on.
 */
function withArgumentLines(error: unknown): unknown {
  if (!isAppError(error)) return error;
  const invalidFields = error.invalidFields.map((invalid) => {
    const match = invalid.field ? /^arguments\.(\d+)$/.exec(invalid.field) : null;
    if (!match) return invalid;
    return { ...invalid, field: "arguments", message: `Line ${Number(match[1]) + 1}: ${invalid.message}` };
  });
  return { ...error, invalidFields };
}

/** A new action's form: for the first step of the sale not yet added (contribute, then claim a refund…). */
function newAction(taken: ReadonlyArray<ActionPurpose>, paidInToken: boolean): SaleActionInput {
  const purpose =
    actionPurposes.find((candidate) => isUniquePurpose(candidate) && !taken.includes(candidate) && (paidInToken || candidate !== "approve_payment")) ??
    "other";
  return { name: "", purpose, contract: "", contractSource: "", signature: "", arguments: [], claimable: "" };
}

type ActionDialogProps = {
  sale: Sale;
  /** The action to edit, with what its form starts from; none to add one. */
  editing: { action: SaleAction; draft: SaleActionInput } | null;
  /** The purposes the sale's other actions already have. */
  taken: ReadonlyArray<ActionPurpose>;
  opened: boolean;
  onClose: () => void;
};

function ActionFormFields({ sale, editing, taken, onClose }: Omit<ActionDialogProps, "opened">) {
  const saveAction = useSaveAction(sale.id);
  const [form, setForm] = useState<ActionForm>(formOf(editing?.draft ?? newAction(taken, sale.currency.kind === "erc20")));
  const submission = useFormSubmit({
    isField: isActionField,
    whenUnexpected: "Nothing was saved. Try again; what you typed is still here.",
    onSubmit: async (typed: ActionForm) => {
      let saved: SaleAction;
      try {
        saved = await saveAction.mutateAsync({ id: editing?.action.id ?? null, input: inputOf(typed) });
      } catch (error) {
        throw withArgumentLines(error);
      }
      onClose();
      notifications.show({
        title: editing ? "Action saved" : "Action added",
        message: `${sale.projectName}: ${saved.name} (${actionPurposeLooks[saved.purpose].label.toLowerCase()}).`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const field = (name: Exclude<ActionField, "purpose" | "arguments">): TextInputProps & { name: string } => ({
    name,
    label: actionLabels[name],
    value: form[name],
    error: errors.fields[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, [name]: value }));
      clearFieldError(name);
    },
    autoComplete: "off",
    spellCheck: false,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(form);
  };
  const looks = actionPurposeLooks[form.purpose];
  const paidInToken = sale.currency.kind === "erc20";
  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={submitOnEnterKeys} noValidate aria-busy={submitting} data-testid="action-form">
      <Stack gap="md">
        <FormErrorAlert
          ref={alertRef}
          title={editing ? "The action was not saved" : "The action was not added"}
          errors={errors.general}
          invalidFieldLabels={Object.keys(errors.fields).filter(isActionField).map((name) => actionLabels[name])}
        />
        <Select
          name="purpose"
          label={actionLabels.purpose}
          data={actionPurposes.map((purpose) => {
            const added = isUniquePurpose(purpose) && taken.includes(purpose);
            const coinsOnly = purpose === "approve_payment" && !paidInToken;
            const label = actionPurposeLooks[purpose].label;
            const note = added ? " (already added)" : coinsOnly ? " (for sales paid in a token)" : "";
            return { value: purpose, label: `${label}${note}`, disabled: added || coinsOnly };
          })}
          value={form.purpose}
          onChange={(value) => {
            if (value === null) return;
            setForm((current) => ({ ...current, purpose: value as ActionPurpose }));
            clearFieldError("purpose");
          }}
          allowDeselect={false}
          description={looks.meaning}
          error={errors.fields.purpose}
          withAsterisk
          data-testid="action-purpose"
        />
        <TextInput {...field("name")} withAsterisk placeholder={looks.examples.name} spellCheck data-autofocus />
        <TextInput
          {...field("signature")}
          withAsterisk={form.purpose !== "contribute"}
          placeholder={looks.examples.signature}
          styles={monospace}
          description={
            form.purpose === "contribute"
              ? paidInToken
                ? `Empty for an ERC-20 transfer of ${sale.currency.symbol} to the sale's address; or the function that takes the payment with transferFrom once approved, such as buyTokens(uint256 amount) with {amount}.`
                : "The payable function the sale's contract takes contributions with; empty for a plain transfer."
              : "As the project documents it or its verified contract shows it: the name and parameter types, names optional."
          }
        />
        <Textarea
          name="arguments"
          label={actionLabels.arguments}
          value={form.arguments}
          error={errors.fields.arguments}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setForm((current) => ({ ...current, arguments: value }));
            clearFieldError("arguments");
          }}
          autosize
          minRows={2}
          maxRows={8}
          spellCheck={false}
          autoComplete="off"
          styles={monospace}
          placeholder={looks.examples.arguments}
          description="One per parameter, in order, one per line: {account} (the account that signs), {amount} (the contribution, in base units of the sale's currency), {token_amount} (base units of its token), or a value of the parameter's type — a number, true or false, an address, 0x-hex bytes, text, or a list such as [0x…, 0x…]."
        />
        {(form.purpose === "claim_tokens" || form.purpose === "claim_vested") && (
          <TextInput
            {...field("claimable")}
            placeholder="e.g. releasable(address)"
            styles={monospace}
            description="Optional: the contract's view of what your account can claim now, each address parameter being your account's. The review reads it and blocks a claim with nothing to claim."
          />
        )}
        <TextInput
          {...field("contract")}
          placeholder={
            form.purpose === "approve_payment" && paidInToken
              ? `empty: the ${sale.currency.symbol} token's contract`
              : `empty: the sale's own address (${sale.contributionAddress})`
          }
          styles={monospace}
          description={
            form.purpose === "approve_payment"
              ? `An approval calls the ${sale.currency.symbol} token's contract; name another only if the project says so.`
              : "Only if this action calls another contract than the sale's, such as a vesting or claim contract."
          }
        />
        {form.contract.trim() !== "" && (
          <TextInput
            {...field("contractSource")}
            withAsterisk
            placeholder="e.g. the project's claim page, its announcement on 2 December"
            spellCheck
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} />} data-testid="action-save">
            {editing ? "Save action" : "Add action"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds or edits one of the sale's actions; Escape or Cancel closes it without saving. */
export function ActionDialog({ sale, editing, taken, opened, onClose }: ActionDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{editing ? `Edit “${editing.action.name}”` : "Add an action"}</Text>}
      centered
      size="lg"
    >
      {opened && <ActionFormFields sale={sale} editing={editing} taken={taken} onClose={onClose} />}
    </Modal>
  );
}
