import {
  ActionIcon,
  Button,
  Checkbox,
  Collapse,
  Divider,
  Group,
  Input,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconChevronDown, IconChevronRight, IconDeviceFloppy, IconLink, IconPlus, IconX } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { FactorInput, ResearchInput, SaleResearch } from "../api";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { submitOnEnterKeys } from "../common/formKeys";
import { useFormSubmit } from "../common/useFormSubmit";
import { factorLabel, redFlagLabel } from "./researchLabels";
import { useSetResearch } from "./researchQueries";

const scoreChoices = [
  {
    value: "",
    label: (
      <span aria-label="Not judged yet" title="Not judged yet">
        –
      </span>
    ),
  },
  ...["0", "1", "2", "3", "4", "5"].map((score) => ({ value: score, label: score })),
];

/** Every name the backend may put an error at: `factors.team.score`, `redFlags`, … */
function isResearchField(name: string): name is string {
  return name.startsWith("factors.") || ["redFlags", "eligibleJurisdictions", "excludedJurisdictions"].includes(name);
}

/** "Team: notes" for `factors.team.notes`; the jurisdiction inputs by their label. */
function researchFieldLabel(field: string): string {
  const [, factor, part, index] = field.split(".");
  if (field.startsWith("factors.") && factor) {
    const what = part === "evidence" && index !== undefined ? `link ${Number(index) + 1}` : (part ?? "");
    return `${factorLabel(factor)}${what ? `: ${what}` : ""}`;
  }
  return { redFlags: "Red flags", eligibleJurisdictions: "Eligible countries", excludedJurisdictions: "Excluded countries" }[field] ?? field;
}

type FactorRowProps = {
  factor: FactorInput;
  question: string;
  errors: Partial<Record<string, string>>;
  onChange: (factor: FactorInput) => void;
};

/** One factor: its question and score, and (folded until opened) notes and evidence links. */
function FactorRow({ factor, question, errors, onChange }: FactorRowProps) {
  const name = `factors.${factor.factor}`;
  const hasDetailError = Object.keys(errors).some((field) => field.startsWith(`${name}.notes`) || field.startsWith(`${name}.evidence`));
  const [opened, setOpened] = useState(factor.notes !== "" || factor.evidence.length > 0);
  const open = opened || hasDetailError;
  const links = factor.evidence;
  const detailsId = `${name}-details`;
  const scoreError = errors[`${name}.score`];
  const setLink = (index: number, value: string) => onChange({ ...factor, evidence: links.map((link, i) => (i === index ? value : link)) });

  return (
    <Stack gap="xs" data-testid={`factor-${factor.factor}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" id={`${name}-label`}>
            {factorLabel(factor.factor)}
          </Text>
          <Text size="xs" c="dimmed">
            {question}
          </Text>
        </div>
        <Stack gap={2} align="flex-end">
          <SegmentedControl
            size="xs"
            name={`${name}.score`}
            data={scoreChoices}
            value={factor.score}
            onChange={(score) => onChange({ ...factor, score })}
            aria-labelledby={`${name}-label`}
            color={scoreError ? "red" : undefined}
          />
          {scoreError && (
            <Text size="xs" c="red" role="alert">
              {scoreError}
            </Text>
          )}
        </Stack>
      </Group>
      <Button
        variant="subtle"
        size="compact-xs"
        color="gray"
        onClick={() => setOpened(!open)}
        leftSection={open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
        aria-expanded={open}
        aria-controls={detailsId}
        style={{ alignSelf: "flex-start" }}
      >
        Notes and evidence{links.length > 0 ? ` (${links.length} link${links.length === 1 ? "" : "s"})` : ""}
      </Button>
      <Collapse expanded={open} id={detailsId}>
        <Stack gap="xs" pl="md">
          <Textarea
            name={`${name}.notes`}
            label="Notes"
            autosize
            minRows={2}
            maxRows={8}
            value={factor.notes}
            onChange={(event) => onChange({ ...factor, notes: event.currentTarget.value })}
            error={errors[`${name}.notes`]}
            aria-invalid={errors[`${name}.notes`] ? true : undefined}
          />
          <Input.Wrapper label="Evidence links" error={errors[`${name}.evidence`]}>
            <Stack gap={6} mt={4}>
              {links.map((link, index) => (
                <Group key={index} gap="xs" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    name={`${name}.evidence.${index}`}
                    aria-label={`${factorLabel(factor.factor)}: link ${index + 1}`}
                    placeholder="https://"
                    leftSection={<IconLink size={14} />}
                    value={link}
                    onChange={(event) => setLink(index, event.currentTarget.value)}
                    error={errors[`${name}.evidence.${index}`]}
                    aria-invalid={errors[`${name}.evidence.${index}`] ? true : undefined}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove link ${index + 1}`}
                    onClick={() => onChange({ ...factor, evidence: links.filter((_, i) => i !== index) })}
                  >
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="light"
                size="compact-sm"
                leftSection={<IconPlus size={14} />}
                style={{ alignSelf: "flex-start" }}
                onClick={() => onChange({ ...factor, evidence: [...links, ""] })}
                data-testid={`add-link-${factor.factor}`}
              >
                Add a link
              </Button>
            </Stack>
          </Input.Wrapper>
        </Stack>
      </Collapse>
    </Stack>
  );
}

/**
 * The scorecard editor: a score of 0–5 per factor with notes and evidence, the red flags,
 * and the sale's jurisdictions. Saved as a whole; a refusal marks every field at fault and
 * keeps everything typed.
 */
export function ScorecardEditor({ research }: { research: SaleResearch }) {
  const setResearch = useSetResearch(research.saleId);
  const [input, setInput] = useState<ResearchInput>(research.input);
  const submission = useFormSubmit({
    isField: isResearchField,
    whenUnexpected: "Try saving again; what you typed is still here.",
    onSubmit: async (typed: ResearchInput) => {
      const saved = await setResearch.mutateAsync(typed);
      setInput(saved.input);
      notifications.show({
        title: "Research saved",
        message: saved.grade.letter ? `${saved.projectName} grades ${saved.grade.letter}.` : `${saved.projectName}: not graded yet.`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, submitting, formRef, alertRef, clearErrors } = submission;
  const questions = Object.fromEntries(research.factors.map((factor) => [factor.factor, factor.question]));
  const setFactor = (changed: FactorInput) =>
    setInput((current) => ({ ...current, factors: current.factors.map((f) => (f.factor === changed.factor ? changed : f)) }));
  // Field names here are nested (`factors.team.evidence.2`) and shift as links are removed:
  // any change clears the marks, and the next save marks what is still wrong.
  const changeThen = <T,>(change: (value: T) => void) => (value: T) => {
    clearErrors();
    change(value);
  };
  const toggleFlag = (flag: string, raised: boolean) =>
    setInput((current) => ({
      ...current,
      redFlags: raised ? [...current.redFlags.filter((f) => f !== flag), flag] : current.redFlags.filter((f) => f !== flag),
    }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(input);
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <form
        ref={formRef}
        onSubmit={submit}
        onKeyDown={submitOnEnterKeys}
        noValidate
        aria-labelledby="scorecard-title"
        aria-busy={submitting}
        data-testid="scorecard-form"
      >
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2} size="h5" id="scorecard-title">
              Scorecard
            </Title>
            <Text size="xs" c="dimmed">
              0 absent or alarming · 5 exemplary · – not judged yet
            </Text>
          </Group>
          <FormErrorAlert
            ref={alertRef}
            title="The research was not saved"
            errors={errors.general}
            invalidFieldLabels={Object.keys(errors.fields).map(researchFieldLabel)}
            data-testid="scorecard-alert"
          />
          <Stack gap="md">
            {input.factors.map((factor, index) => (
              <Stack key={factor.factor} gap="md">
                {index > 0 && <Divider />}
                <FactorRow factor={factor} question={questions[factor.factor] ?? ""} errors={errors.fields} onChange={changeThen(setFactor)} />
              </Stack>
            ))}
          </Stack>
          <Divider />
          <Checkbox.Group
            label="Red flags"
            description="Each one raised takes 10 points off the grade."
            value={input.redFlags}
            error={errors.fields.redFlags}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
              {research.redFlags.map(({ flag }) => (
                <Checkbox
                  key={flag}
                  value={flag}
                  name="redFlags"
                  label={redFlagLabel(flag)}
                  color="red"
                  checked={input.redFlags.includes(flag)}
                  onChange={(event) => toggleFlag(flag, event.currentTarget.checked)}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Divider />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              name="eligibleJurisdictions"
              label="Eligible countries"
              description="Only these may take part (ISO codes, e.g. DE, FR); empty if the sale names none."
              value={input.eligibleJurisdictions}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setInput((current) => ({ ...current, eligibleJurisdictions: value }));
              }}
              error={errors.fields.eligibleJurisdictions}
              aria-invalid={errors.fields.eligibleJurisdictions ? true : undefined}
            />
            <TextInput
              name="excludedJurisdictions"
              label="Excluded countries"
              description="Residents of these may not take part (ISO codes, e.g. US, CN)."
              value={input.excludedJurisdictions}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setInput((current) => ({ ...current, excludedJurisdictions: value }));
              }}
              error={errors.fields.excludedJurisdictions}
              aria-invalid={errors.fields.excludedJurisdictions ? true : undefined}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} />} data-testid="save-research">
              Save research
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
