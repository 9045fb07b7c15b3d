import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalendarDue, IconCheck, IconDeviceFloppy, IconId } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { KycInput, KycStatus, Participation } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf } from "../common/formErrors";
import { submitOnEnterKeys } from "../common/formKeys";
import { useFormSubmit } from "../common/useFormSubmit";
import { formatUtcDateTime, localPreviewOfUtcInput } from "../format/time";
import { participationFormErrorWhenUnexpected } from "./participationFields";
import { useSetKyc, useSetRefundDeadline } from "./kycQueries";

const kycStatuses: Record<KycStatus, { label: string; color: string; meaning: string }> = {
  not_started: { label: "Not started", color: "gray", meaning: "No KYC step is in the history yet." },
  pending: { label: "Pending", color: "yellow", meaning: "Submitted; waiting for the provider's answer." },
  approved: { label: "Approved", color: "teal", meaning: "The provider approved you for this sale." },
  rejected: { label: "Rejected", color: "red", meaning: "The provider refused; you may resubmit." },
};

const kycFieldLabels: Record<keyof KycInput, string> = {
  provider: "Provider",
  submittedAt: "Submitted (UTC)",
  reference: "Reference",
  notes: "Notes",
};

const isKycField = fieldNamesOf(kycFieldLabels);

/** The KYC status from the history (recorded there as steps) and the details the user keeps. */
function KycForm({ participation }: { participation: Participation }) {
  const saveKyc = useSetKyc(participation.id);
  const kyc = participation.kyc;
  const [input, setInput] = useState<KycInput>(kyc.details);
  const submission = useFormSubmit({
    isField: isKycField,
    whenUnexpected: participationFormErrorWhenUnexpected,
    onSubmit: async (typed: KycInput) => {
      const saved = await saveKyc.mutateAsync(typed);
      setInput(saved.kyc.details);
      notifications.show({ title: "KYC details saved", message: saved.projectName, color: "teal", icon: <IconCheck size={18} /> });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const status = kycStatuses[kyc.status];
  const field = (name: keyof KycInput) => ({
    name,
    label: kycFieldLabels[name],
    value: input[name],
    error: errors.fields[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setInput((current) => ({ ...current, [name]: value }));
      clearFieldError(name);
    },
  });
  const submittedPreview = localPreviewOfUtcInput(input.submittedAt);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(input);
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <form ref={formRef} onSubmit={submit} onKeyDown={submitOnEnterKeys} noValidate aria-labelledby="kyc-title" data-testid="kyc-form">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h5" id="kyc-title">
                KYC
              </Title>
              <Text size="sm" c="dimmed">
                {kyc.required ? "This sale requires KYC before you contribute." : "This sale does not require KYC."}
              </Text>
            </div>
            <Stack gap={2} align="flex-end">
              <Badge color={status.color} variant="light" leftSection={<IconId size={12} />} data-testid="kyc-status">
                {status.label}
              </Badge>
              <Text size="xs" c="dimmed">
                {status.meaning}
              </Text>
            </Stack>
          </Group>
          <FormErrorAlert
            ref={alertRef}
            title="The KYC details were not saved"
            errors={errors.general}
            invalidFieldLabels={Object.keys(errors.fields).filter(isKycField).map((name) => kycFieldLabels[name])}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput {...field("provider")} placeholder="e.g. Fractal ID" autoComplete="off" />
            <TextInput
              {...field("submittedAt")}
              placeholder="2026-11-20 09:30"
              autoComplete="off"
              spellCheck={false}
              description={submittedPreview ? `Your local time: ${submittedPreview}` : "UTC; empty if not submitted"}
            />
            <TextInput {...field("reference")} placeholder="The provider's case id" autoComplete="off" spellCheck={false} />
          </SimpleGrid>
          <Textarea {...field("notes")} autosize minRows={2} maxRows={6} description="Ctrl+Enter to save" />
          <Text size="xs" c="dimmed">
            The status follows the history: record “KYC pending”, “approved” or “rejected” as a step in the Overview tab.
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} />}>
              Save KYC details
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** While a refund is due: the last day to claim it, which the dashboard counts down to. */
function RefundDeadlineForm({ participation }: { participation: Participation }) {
  const saveDeadline = useSetRefundDeadline(participation.id);
  // As a user types it: "2027-01-31 23:59" (formatUtcDateTime without its " UTC").
  const [at, setAt] = useState(participation.refundDeadline ? formatUtcDateTime(participation.refundDeadline).replace(/ UTC$/, "") : "");
  const submission = useFormSubmit({
    isField: (name: string): name is "refundDeadline" => name === "refundDeadline",
    whenUnexpected: participationFormErrorWhenUnexpected,
    onSubmit: async (typed: string) => {
      await saveDeadline.mutateAsync(typed);
      notifications.show({ title: typed ? "Refund deadline set" : "Refund deadline cleared", message: participation.projectName, color: "teal" });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const preview = localPreviewOfUtcInput(at);
  return (
    <Paper withBorder radius="md" p="lg">
      <form
        ref={formRef}
        noValidate
        data-testid="refund-deadline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submission.submit(at);
        }}
      >
        <Stack gap="sm">
          <Group gap="xs">
            <IconCalendarDue size={18} aria-hidden="true" />
            <Title order={2} size="h5">
              Refund deadline
            </Title>
          </Group>
          {participation.refundDeadline && (
            <Text size="sm">
              Claim your refund by <DateTimeText iso={participation.refundDeadline} withRelative />.
            </Text>
          )}
          <FormErrorAlert ref={alertRef} title="The deadline was not saved" errors={errors.general} invalidFieldLabels={[]} />
          <Group align="flex-end" gap="sm">
            <TextInput
              name="refundDeadline"
              label="Last day to claim (UTC)"
              placeholder="2027-01-31 23:59"
              value={at}
              onChange={(event) => {
                setAt(event.currentTarget.value);
                clearFieldError("refundDeadline");
              }}
              error={errors.fields.refundDeadline}
              description={preview ? `Your local time: ${preview}` : "Empty clears it."}
              autoComplete="off"
              spellCheck={false}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="light" loading={submitting}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** KYC, and (while a refund is due) its deadline. */
export function KycPanel({ participation }: { participation: Participation }) {
  return (
    <Stack gap="lg">
      {participation.state === "refund_due" && <RefundDeadlineForm participation={participation} />}
      {/* Keyed by what is stored: a save elsewhere restarts the form from it. */}
      <KycForm key={JSON.stringify(participation.kyc.details)} participation={participation} />
    </Stack>
  );
}
