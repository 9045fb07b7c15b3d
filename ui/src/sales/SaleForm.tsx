import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Input,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  type TextInputProps,
} from "@mantine/core";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { useId, useState, type ChangeEvent, type FormEvent, type ReactNode } from "react";
import { nativeCoinSymbol, type CurrencyKind, type PricingKind, type SaleInput } from "../api";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { UnitLabel } from "../common/UnitLabel";
import type { GeneralFormError } from "../common/formErrors";
import { useFormSubmit } from "../common/useFormSubmit";
import { localPreviewOfUtcInput } from "../format/time";
import { isSaleField, saleFormErrorWhenUnexpected, type SaleField } from "./saleFormErrors";
import { saleInputForSubmission } from "./saleInput";

/** The label of each input, also used to name invalid fields in the summary at the top. */
export const saleFieldLabels: Record<SaleField, string> = {
  projectName: "Project",
  tokenSymbol: "Token symbol",
  tokenDecimals: "Token decimals",
  chainId: "Chain id",
  contributionAddress: "Contribution address",
  currencyKind: "Paid in",
  currencySymbol: "Currency symbol",
  currencyAddress: "Currency token contract",
  currencyDecimals: "Currency decimals",
  pricingKind: "Pricing",
  pricingAmount: "Price",
  softCap: "Soft cap",
  hardCap: "Hard cap",
  minContribution: "Minimum contribution",
  maxContribution: "Maximum contribution",
  startsAt: "Starts (UTC)",
  endsAt: "Ends (UTC)",
  kycRequired: "KYC required",
  whitepaperUrl: "Whitepaper URL",
  notes: "Notes",
};

type TextField = Exclude<SaleField, "currencyKind" | "pricingKind" | "kycRequired">;

type SaleFormProps = {
  initialInput: SaleInput;
  /** Saves the input; rejects with the backend's error, which the form then shows. */
  onSave: (input: SaleInput) => Promise<unknown>;
  onCancel: () => void;
};

function isHidden(field: SaleField, input: SaleInput): boolean {
  if (field === "currencyAddress" || field === "currencyDecimals") return input.currencyKind !== "erc20";
  if (field === "pricingAmount") return input.pricingKind === "none";
  return false;
}

function FormSection({ legend, children }: { legend?: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Fieldset legend={legend}>{children}</Fieldset>
    </Paper>
  );
}

function ChoiceField({
  label,
  description,
  error,
  children,
}: {
  label: string;
  description?: ReactNode;
  error?: string;
  children: (labelId: string) => ReactNode;
}) {
  const labelId = useId();
  return (
    <Input.Wrapper
      label={label}
      labelElement="div"
      labelProps={{ id: labelId }}
      description={description}
      error={error}
      inputWrapperOrder={["label", "input", "description", "error"]}
    >
      <div style={{ marginTop: 4, marginBottom: 4 }}>{children(labelId)}</div>
    </Input.Wrapper>
  );
}

/** Create and edit a sale. Values are sent as typed; the backend parses and validates them. */
export function SaleForm({ initialInput, onSave, onCancel }: SaleFormProps) {
  const [input, setInput] = useState<SaleInput>(initialInput);
  const submission = useFormSubmit({ isField: isSaleField, whenUnexpected: saleFormErrorWhenUnexpected, onSubmit: onSave });
  const { errors, submitting: saving, formRef, alertRef, clearFieldError } = submission;

  const change = <K extends SaleField>(field: K, value: SaleInput[K]) => {
    setInput((current) => ({ ...current, [field]: value }));
    clearFieldError(field);
  };

  // For the native coin, a symbol the user has not chosen follows the chain id
  // (1 → ETH, 56 → BNB); one they typed themselves is never replaced.
  const changeChainId = (chainId: string) => {
    setInput((current) => {
      const symbolIsDefault =
        current.currencySymbol === "" || current.currencySymbol === nativeCoinSymbol(current.chainId);
      const followsChain = current.currencyKind === "native" && symbolIsDefault;
      return { ...current, chainId, currencySymbol: followsChain ? (nativeCoinSymbol(chainId) ?? "") : current.currencySymbol };
    });
    clearFieldError("chainId");
    clearFieldError("currencySymbol");
  };

  const textField = (field: TextField): TextInputProps & { name: TextField } => ({
    name: field,
    label: saleFieldLabels[field],
    value: input[field],
    error: errors.fields[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => change(field, event.currentTarget.value),
    autoComplete: "off",
    spellCheck: false,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(saleInputForSubmission(input));
  };

  const currencyUnit = input.currencySymbol.trim();
  const tokenUnit = input.tokenSymbol.trim();
  const currencyName = currencyUnit || "the accepted currency";
  const amountHelp = `Amounts in ${currencyUnit || "the accepted currency"}, e.g. 1.5.`;

  // Errors for fields the current choices hide, and the list of invalid fields, go to the top.
  const invalidFields = (Object.keys(errors.fields) as SaleField[]).filter((field) => !isHidden(field, input));
  const hiddenFieldErrors = (Object.keys(errors.fields) as SaleField[])
    .filter((field) => isHidden(field, input))
    .map((field) => ({ message: `${saleFieldLabels[field]}: ${errors.fields[field] ?? ""}` }));
  const generalErrors: GeneralFormError[] = [...errors.general, ...hiddenFieldErrors];

  const startsPreview = localPreviewOfUtcInput(input.startsAt);
  const endsPreview = localPreviewOfUtcInput(input.endsAt);
  const timeHelp = (preview: string | null) => (
    <>
      UTC, e.g. 2026-12-01 14:00.
      {preview && (
        <>
          <br />
          Your local time: {preview}
        </>
      )}
    </>
  );

  const pricingAmountLabel =
    input.pricingKind === "price"
      ? `Price of 1 ${tokenUnit || "token"}`
      : `${tokenUnit || "Tokens"} per 1 ${currencyUnit || "currency unit"}`;

  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="sale-form" aria-busy={saving}>
      <Stack gap="lg">
        <FormErrorAlert
          ref={alertRef}
          title="The sale was not saved"
          errors={generalErrors}
          invalidFieldLabels={invalidFields.map((field) => saleFieldLabels[field])}
          data-testid="sale-form-alert"
        />

        <FormSection legend="Project and token">
          <Stack gap="md">
            <TextInput {...textField("projectName")} placeholder="e.g. Example Protocol" withAsterisk />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput {...textField("tokenSymbol")} placeholder="e.g. EXP" withAsterisk description="As listed by the project." />
              <TextInput
                {...textField("tokenDecimals")}
                placeholder="18"
                inputMode="numeric"
                withAsterisk
                description="Most tokens use 18."
              />
              <TextInput
                {...textField("chainId")}
                onChange={(event: ChangeEvent<HTMLInputElement>) => changeChainId(event.currentTarget.value)}
                placeholder="1"
                inputMode="numeric"
                withAsterisk
                description="EVM chain id, e.g. 1 Ethereum, 8453 Base."
              />
            </SimpleGrid>
            <TextInput
              {...textField("whitepaperUrl")}
              placeholder="https://example.org/whitepaper.pdf"
              inputMode="url"
              description="Where you read it. Optional."
            />
          </Stack>
        </FormSection>

        <FormSection legend="Where and how to pay">
          <Stack gap="md">
            <TextInput
              {...textField("contributionAddress")}
              placeholder="0x…"
              withAsterisk
              description="Exactly as the project published it. A mixed-case address is checked against its EIP-55 checksum."
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <ChoiceField label={saleFieldLabels.currencyKind} error={errors.fields.currencyKind}>
                {(labelId) => (
                  <SegmentedControl
                    name="currencyKind"
                    aria-labelledby={labelId}
                    value={input.currencyKind}
                    onChange={(value) => change("currencyKind", value as CurrencyKind)}
                    data={[
                      { value: "native", label: "Native coin" },
                      { value: "erc20", label: "ERC-20 token" },
                    ]}
                    fullWidth
                  />
                )}
              </ChoiceField>
              <TextInput
                {...textField("currencySymbol")}
                placeholder={input.currencyKind === "erc20" ? "e.g. USDC" : "e.g. ETH"}
                withAsterisk
                description={input.currencyKind === "erc20" ? "The token's symbol." : "The chain's coin, e.g. ETH."}
              />
            </SimpleGrid>
            {input.currencyKind === "erc20" && (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <TextInput
                  {...textField("currencyAddress")}
                  placeholder="0x…"
                  withAsterisk
                  description="The ERC-20 token's contract address."
                  styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
                  style={{ gridColumn: "span 2" }}
                />
                <TextInput
                  {...textField("currencyDecimals")}
                  placeholder="6"
                  inputMode="numeric"
                  withAsterisk
                  description="USDC and USDT use 6."
                />
              </SimpleGrid>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <ChoiceField label={saleFieldLabels.pricingKind} error={errors.fields.pricingKind}>
                {(labelId) => (
                  <SegmentedControl
                    name="pricingKind"
                    aria-labelledby={labelId}
                    value={input.pricingKind}
                    onChange={(value) => change("pricingKind", value as PricingKind)}
                    data={[
                      { value: "none", label: "Not set" },
                      { value: "price", label: "Price per token" },
                      { value: "rate", label: "Tokens per unit" },
                    ]}
                    fullWidth
                  />
                )}
              </ChoiceField>
              {input.pricingKind !== "none" && (
                <TextInput
                  {...textField("pricingAmount")}
                  label={pricingAmountLabel}
                  placeholder={input.pricingKind === "price" ? "e.g. 0.0005" : "e.g. 2000"}
                  inputMode="decimal"
                  rightSection={<UnitLabel unit={input.pricingKind === "price" ? currencyUnit : tokenUnit} />}
                  rightSectionWidth="auto"
                  description={
                    input.pricingKind === "price"
                      ? `How much ${currencyName} one ${tokenUnit || "token"} costs.`
                      : `How many ${tokenUnit || "tokens"} you get for 1 ${currencyUnit || "unit of the currency"}.`
                  }
                />
              )}
            </SimpleGrid>
            <Checkbox
              name="kycRequired"
              label={saleFieldLabels.kycRequired}
              description="The project must verify your identity before you can contribute."
              checked={input.kycRequired}
              error={errors.fields.kycRequired}
              onChange={(event) => change("kycRequired", event.currentTarget.checked)}
            />
          </Stack>
        </FormSection>

        <FormSection legend="Caps and limits">
          <Text size="sm" c="dimmed" mb="sm">
            {amountHelp} Leave a field empty when the project did not set it.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              {...textField("softCap")}
              placeholder="e.g. 500"
              inputMode="decimal"
              rightSection={<UnitLabel unit={currencyUnit} />}
              rightSectionWidth="auto"
              description="The funding goal. If it is missed, contributions are usually refunded."
            />
            <TextInput
              {...textField("hardCap")}
              placeholder="e.g. 1500"
              inputMode="decimal"
              rightSection={<UnitLabel unit={currencyUnit} />}
              rightSectionWidth="auto"
              description="The most the sale will raise."
            />
            <TextInput
              {...textField("minContribution")}
              placeholder="e.g. 0.1"
              inputMode="decimal"
              rightSection={<UnitLabel unit={currencyUnit} />}
              rightSectionWidth="auto"
              description="The least one contribution may be."
            />
            <TextInput
              {...textField("maxContribution")}
              placeholder="e.g. 5"
              inputMode="decimal"
              rightSection={<UnitLabel unit={currencyUnit} />}
              rightSectionWidth="auto"
              description="The most one participant may contribute."
            />
          </SimpleGrid>
        </FormSection>

        <FormSection legend="Schedule">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput {...textField("startsAt")} placeholder="2026-12-01 14:00" withAsterisk description={timeHelp(startsPreview)} />
            <TextInput {...textField("endsAt")} placeholder="2026-12-15 14:00" withAsterisk description={timeHelp(endsPreview)} />
          </SimpleGrid>
        </FormSection>

        <FormSection>
          <Textarea
            name="notes"
            label={saleFieldLabels.notes}
            value={input.notes}
            error={errors.fields.notes}
            onChange={(event) => change("notes", event.currentTarget.value)}
            placeholder="Where you heard of it, what to check before contributing…"
            autosize
            minRows={3}
            maxRows={10}
          />
        </FormSection>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={18} />}>
            Save sale
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
