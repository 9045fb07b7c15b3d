import { Button, Group, PasswordInput, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCheck, IconDeviceFloppy, IconKey, IconTrash } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { PriceApiInput, PriceApiSettings } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf } from "../common/formErrors";
import { submitOnEnterKeys } from "../common/formKeys";
import { useFormSubmit } from "../common/useFormSubmit";
import { FetchPricesButton } from "./FetchPricesButton";
import { useSetPriceApi } from "./priceSourcesQueries";

/** The form's inputs, by the name the backend uses in `AppError.invalidFields`. */
const priceApiLabels: Record<keyof PriceApiInput, string> = {
  enabled: "Use an online price API",
  baseUrl: "Base URL",
  apiKey: "API key",
};

const isPriceApiField = fieldNamesOf(priceApiLabels);

/** The base URL as the form shows it: empty while it is the default one. */
function typedBaseUrl(settings: PriceApiSettings): string {
  return settings.baseUrl === settings.defaultBaseUrl ? "" : settings.baseUrl;
}

/** "Forget key", asked twice: the first press only offers it beside a way back. */
function ForgetKey({ settings }: { settings: PriceApiSettings }) {
  const setPriceApi = useSetPriceApi();
  const [confirming, setConfirming] = useState(false);
  const forget = () =>
    // Only the key changes: the rest stays as saved, whatever the form holds.
    setPriceApi.mutate(
      { enabled: settings.enabled, baseUrl: typedBaseUrl(settings), apiKey: "" },
      {
        onSuccess: () => notifications.show({ title: "API key forgotten", message: "It was removed from your keyring.", color: "gray" }),
        onSettled: () => setConfirming(false),
      },
    );
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap" data-testid="price-api-key-kept">
        <IconKey size={16} aria-hidden="true" style={{ flexShrink: 0 }} />
        <Text size="sm">A key is kept in your keyring.</Text>
        {confirming ? (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-sm" color="red" loading={setPriceApi.isPending} onClick={forget} data-testid="price-api-forget-confirm">
              Forget it
            </Button>
            {/* eslint-disable-next-line jsx-a11y/no-autofocus -- mounted only by a click on "Forget key", which it replaces: focus moves to the safe choice instead of being lost */}
            <Button size="compact-sm" variant="default" onClick={() => setConfirming(false)} autoFocus>
              Keep it
            </Button>
          </Group>
        ) : (
          <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setConfirming(true)} data-testid="price-api-forget">
            Forget key
          </Button>
        )}
      </Group>
      {setPriceApi.isError && <FailureAlert title="The key was not forgotten" error={setPriceApi.error} />}
    </Stack>
  );
}

/**
 * The online price API: off by default; when on, the one address Saleguard asks for prices,
 * and an optional key (kept in the OS keyring, never shown again).
 */
export function PriceApiForm({ settings }: { settings: PriceApiSettings }) {
  const setPriceApi = useSetPriceApi();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [baseUrl, setBaseUrl] = useState(typedBaseUrl(settings));
  const [apiKey, setApiKey] = useState("");
  const submission = useFormSubmit({
    isField: isPriceApiField,
    whenUnexpected: "Nothing was saved. Try again; what you typed is still here.",
    onSubmit: async (input: PriceApiInput) => {
      const saved = await setPriceApi.mutateAsync(input);
      setEnabled(saved.api.enabled);
      setBaseUrl(typedBaseUrl(saved.api));
      setApiKey("");
      notifications.show({
        title: "Price API settings saved",
        message: saved.api.enabled ? `On: Saleguard asks ${saved.api.baseUrl} for prices when you fetch them.` : "Off: Saleguard asks no one for prices.",
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // An empty key field keeps the key there is.
    void submission.submit({ enabled, baseUrl, apiKey: apiKey === "" ? null : apiKey });
  };
  const contacted = baseUrl.trim() || settings.defaultBaseUrl;
  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={submitOnEnterKeys} noValidate aria-busy={submitting} data-testid="price-api-form">
      <Stack gap="md">
        <FormErrorAlert
          ref={alertRef}
          title="The price API settings were not saved"
          errors={errors.general}
          invalidFieldLabels={Object.keys(errors.fields).filter(isPriceApiField).map((name) => priceApiLabels[name])}
        />
        <Switch
          name="enabled"
          label={priceApiLabels.enabled}
          description={`Off by default. When on, Saleguard contacts ${contacted} and nothing else, and only when you fetch prices (here or on the Portfolio page).`}
          checked={enabled}
          onChange={(event) => {
            setEnabled(event.currentTarget.checked);
            clearFieldError("enabled");
          }}
          error={errors.fields.enabled}
          data-testid="price-api-enabled"
        />
        <TextInput
          name="baseUrl"
          label={priceApiLabels.baseUrl}
          placeholder={settings.defaultBaseUrl}
          description="Empty: the default shown. Another CoinGecko-compatible API, e.g. the paid host that goes with a pro key."
          value={baseUrl}
          error={errors.fields.baseUrl}
          onChange={(event) => {
            setBaseUrl(event.currentTarget.value);
            clearFieldError("baseUrl");
          }}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          autoComplete="off"
          spellCheck={false}
        />
        <PasswordInput
          name="apiKey"
          label={priceApiLabels.apiKey}
          description={
            settings.hasKey
              ? "Leave it empty to keep the key there is; type another to replace it."
              : "Optional: some APIs need one. It goes into your OS keyring, never into Saleguard's files."
          }
          value={apiKey}
          error={errors.fields.apiKey}
          // PasswordInput does not mark its inner input itself: the form focuses the first invalid one.
          aria-invalid={errors.fields.apiKey ? true : undefined}
          onChange={(event) => {
            setApiKey(event.currentTarget.value);
            clearFieldError("apiKey");
          }}
          autoComplete="off"
        />
        {settings.hasKey && <ForgetKey settings={settings} />}
        <Group justify="flex-end">
          <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} />} data-testid="price-api-save">
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** When the price API last answered and why its last request failed, with a way to ask it now. */
export function PriceApiStatus({ settings }: { settings: PriceApiSettings }) {
  if (!settings.enabled && settings.fetchedAt === null && settings.failure === null) return null;
  return (
    <Group justify="space-between" align="flex-start" gap="md" data-testid="price-api-status">
      <Stack gap={4}>
        <Text size="sm">
          {settings.fetchedAt ? (
            <>
              Last answered <DateTimeText iso={settings.fetchedAt} />.
            </>
          ) : (
            "Not asked yet."
          )}
        </Text>
        {settings.failure && (
          <Group gap={4} wrap="nowrap" align="flex-start" data-testid="price-api-failure">
            <IconAlertTriangle size={16} color="var(--mantine-color-red-6)" aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm" c="red">
              Its last request failed: {settings.failure}
            </Text>
          </Group>
        )}
      </Stack>
      {settings.enabled && <FetchPricesButton data-testid="price-api-fetch">Fetch prices now</FetchPricesButton>}
    </Group>
  );
}
