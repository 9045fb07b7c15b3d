import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import type { FormEvent } from "react";
import { OVERRIDE_REASON_MIN, type ReviewInput, type ReviewOverride } from "../api";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { submitOnEnterKeys } from "../common/formKeys";
import { useFormSubmit } from "../common/useFormSubmit";
import { useOverrideReview } from "./reviewQueries";

/**
 * The only field of the form. The backend refuses a reason there (code `required`,
 * `too_short`, `too_long` or `invalid_text`), shown beside the input with the text kept.
 */
function isReasonField(name: string): name is "reason" {
  return name === "reason";
}

type OverrideReviewDialogProps = {
  opened: boolean;
  onClose: () => void;
  /** The contribution as it was reviewed: the backend reviews it again before keeping the override. */
  input: ReviewInput;
  blockCount: number;
  /** Kept by the caller, so closing the dialog (or a refusal) loses nothing typed. */
  reason: string;
  onReasonChange: (reason: string) => void;
  onOverridden: (override: ReviewOverride) => void;
};

function OverrideReviewForm({ onClose, input, blockCount, reason, onReasonChange, onOverridden }: Omit<OverrideReviewDialogProps, "opened">) {
  const overrideReview = useOverrideReview();
  const submission = useFormSubmit({
    isField: isReasonField,
    whenUnexpected: "Nothing was recorded. Try again; your reason is still here.",
    onSubmit: async (typed: string) => {
      onOverridden(await overrideReview.mutateAsync({ review: input, reason: typed }));
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(reason);
  };
  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={submitOnEnterKeys} noValidate aria-busy={submitting} data-testid="override-form">
      <Stack gap="md">
        <Text size="sm">
          You go ahead despite {blockCount === 1 ? "the block" : `the ${blockCount} blocks`} above. Say why: the reason is kept
          in this sale's history with the findings as they are now, so you can see later what you knew and decided.
        </Text>
        <FormErrorAlert
          ref={alertRef}
          title="The override was not recorded"
          errors={errors.general}
          invalidFieldLabels={errors.fields.reason ? ["Reason"] : []}
          data-testid="override-alert"
        />
        <Textarea
          name="reason"
          label="Reason"
          withAsterisk
          value={reason}
          error={errors.fields.reason}
          onChange={(event) => {
            onReasonChange(event.currentTarget.value);
            clearFieldError("reason");
          }}
          placeholder="e.g. The project announced the new address on its site and in its newsletter on 2 December."
          autosize
          minRows={3}
          maxRows={8}
          description={`At least ${OVERRIDE_REASON_MIN} characters. Kept in the history with the findings. Ctrl+Enter to submit.`}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={submitting} leftSection={<IconShieldCheck size={16} />}>
            Override and keep in history
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks for the reason to override a blocked review; Escape or Cancel closes it, the reason typed stays. */
export function OverrideReviewDialog({ opened, onClose, ...formProps }: OverrideReviewDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Override the blocks</Text>} centered size="lg">
      {opened && <OverrideReviewForm onClose={onClose} {...formProps} />}
    </Modal>
  );
}
