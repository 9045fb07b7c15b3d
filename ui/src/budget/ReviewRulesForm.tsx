import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDeviceFloppy } from "@tabler/icons-react";
import { useId, useState, type FormEvent } from "react";
import type { ReviewPolicy } from "../api";
import { FailureAlert } from "../common/FailureAlert";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf } from "../common/formErrors";
import { submitOnEnterKeys } from "../common/formKeys";
import { LoadingState } from "../common/LoadingState";
import { useFormSubmit } from "../common/useFormSubmit";
import { redFlagLabel, redFlagLabels } from "../diligence/researchLabels";
import { useReviewPolicy, useSetReviewPolicy } from "../review/reviewQueries";

type PolicyField = keyof ReviewPolicy;

const policyLabels: Record<PolicyField, string> = {
  minimumGrade: "Minimum grade",
  blockingFlags: "Red flags that block",
  maxPriceAge: "Price staleness limit",
  maxPriceAgeUnit: "Unit of the staleness limit",
  officialSourceRequired: "Require a source of the project's own",
};

const priceAgeUnits: ReadonlyArray<{ value: ReviewPolicy["maxPriceAgeUnit"]; label: string }> = [
  { value: "hours", label: "hours" },
  { value: "days", label: "days" },
];

function isPriceAgeUnit(value: string): value is ReviewPolicy["maxPriceAgeUnit"] {
  return priceAgeUnits.some((unit) => unit.value === value);
}

const isPolicyField = fieldNamesOf(policyLabels);

/** The grades a sale may need, best first (docs/diligence-grade.md: A, B, C, D, F). */
const gradeChoices = [
  { value: "", label: "No minimum" },
  { value: "A", label: "A only" },
  { value: "B", label: "B or better" },
  { value: "C", label: "C or better" },
  { value: "D", label: "D or better" },
  { value: "F", label: "F or better (any grade)" },
];

const redFlags = Object.keys(redFlagLabels);

function ReviewRulesEditor({ policy, titleId }: { policy: ReviewPolicy; titleId: string }) {
  const setReviewPolicy = useSetReviewPolicy();
  const [input, setInput] = useState<ReviewPolicy>(policy);
  const submission = useFormSubmit({
    isField: isPolicyField,
    whenUnexpected: "Nothing was saved. Try again; your choices are still here.",
    onSubmit: async (typed: ReviewPolicy) => {
      const saved = await setReviewPolicy.mutateAsync(typed);
      setInput(saved);
      notifications.show({ title: "Review rules saved", message: "The next review applies them.", color: "teal", icon: <IconCheck size={18} /> });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const change = <Field extends PolicyField>(field: Field, value: ReviewPolicy[Field]) => {
    setInput((current) => ({ ...current, [field]: value }));
    clearFieldError(field);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(input);
  };
  return (
    <form
      ref={formRef}
      onSubmit={submit}
      onKeyDown={submitOnEnterKeys}
      noValidate
      aria-labelledby={titleId}
      aria-busy={submitting}
      data-testid="review-rules-form"
    >
      <Stack gap="sm">
        <FormErrorAlert
          ref={alertRef}
          title="The review rules were not saved"
          errors={errors.general}
          invalidFieldLabels={Object.keys(errors.fields).filter(isPolicyField).map((name) => policyLabels[name])}
          data-testid="review-rules-alert"
        />
        <SimpleGrid cols={2} spacing="sm">
          <NativeSelect
            name="minimumGrade"
            label={policyLabels.minimumGrade}
            value={input.minimumGrade}
            onChange={(event) => change("minimumGrade", event.currentTarget.value)}
            data={gradeChoices}
            error={errors.fields.minimumGrade}
            description="A sale graded below it is blocked."
            inputWrapperOrder={["label", "input", "description", "error"]}
          />
          <TextInput
            name="maxPriceAge"
            label={policyLabels.maxPriceAge}
            value={input.maxPriceAge}
            onChange={(event) => change("maxPriceAge", event.currentTarget.value)}
            error={errors.fields.maxPriceAge}
            inputMode="numeric"
            autoComplete="off"
            rightSection={
              <NativeSelect
                name="maxPriceAgeUnit"
                aria-label={policyLabels.maxPriceAgeUnit}
                variant="unstyled"
                size="sm"
                w={84}
                rightSectionWidth={22}
                styles={{ input: { paddingLeft: 8, paddingRight: 22 } }}
                value={input.maxPriceAgeUnit}
                onChange={(event) => {
                  const unit = event.currentTarget.value;
                  if (isPriceAgeUnit(unit)) change("maxPriceAgeUnit", unit);
                }}
                data={priceAgeUnits.map((unit) => ({ ...unit }))}
              />
            }
            rightSectionWidth={86}
            rightSectionPointerEvents="all"
            description="A price older than this is flagged: in hours for fast markets, or in days."
          />
        </SimpleGrid>
        <Checkbox
          name="officialSourceRequired"
          label={policyLabels.officialSourceRequired}
          description="Block, rather than warn about, a destination that no source of the project's own (its website, official social account, whitepaper or announcements) vouches for."
          checked={input.officialSourceRequired}
          onChange={(event) => change("officialSourceRequired", event.currentTarget.checked)}
        />
        <Checkbox.Group
          label={policyLabels.blockingFlags}
          description="A sale with one of these raised is blocked."
          value={input.blockingFlags}
          onChange={(flags) => change("blockingFlags", flags)}
          error={errors.fields.blockingFlags}
        >
          <Stack gap={6} mt="xs">
            {redFlags.map((flag) => (
              <Checkbox key={flag} value={flag} name="blockingFlags" label={redFlagLabel(flag)} color="red" />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={submitting} leftSection={<IconDeviceFloppy size={16} />}>
            Save rules
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The review policy: minimum grade, red flags that block, how old a price may be. */
export function ReviewRulesCard() {
  const policyQuery = useReviewPolicy();
  const titleId = useId();
  let content;
  if (policyQuery.isPending) {
    content = <LoadingState label="Loading the review rules…" />;
  } else if (policyQuery.isError) {
    content = (
      <FailureAlert title="The review rules could not be loaded" error={policyQuery.error} onRetry={() => void policyQuery.refetch()} />
    );
  } else {
    content = <ReviewRulesEditor policy={policyQuery.data} titleId={titleId} />;
  }
  return (
    <Paper withBorder radius="md" p="lg" data-testid="review-rules">
      <Title order={2} size="h5" id={titleId}>
        Review rules
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Besides your budgets and the sale's own terms, what blocks a contribution when it is reviewed.
      </Text>
      {content}
    </Paper>
  );
}
