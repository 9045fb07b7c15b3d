import { Group, Select, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconMapPin } from "@tabler/icons-react";
import { useState } from "react";
import { failureMessage } from "../api";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { useCountries, useSetResidenceCountry, useSettings } from "../diligence/researchQueries";

/**
 * Where the user lives, chosen from every ISO 3166-1 country: each sale's eligible and
 * excluded jurisdictions are checked against it. Saved as soon as it is chosen.
 */
export function ResidenceCountry() {
  const settings = useSettings();
  const countries = useCountries();
  const setCountry = useSetResidenceCountry();
  const [refusal, setRefusal] = useState<string | null>(null);

  if (settings.isPending || countries.isPending) return <LoadingState label="Loading your settings…" />;
  if (settings.isError || countries.isError) {
    const error = settings.error ?? countries.error;
    return (
      <FailureAlert
        title="Your settings could not be loaded"
        error={error}
        onRetry={() => {
          void settings.refetch();
          void countries.refetch();
        }}
      />
    );
  }
  const current = settings.data.residenceCountry?.code ?? null;
  return (
    <Group align="flex-start" gap="md">
      <Select
        name="residenceCountry"
        label="Country of residence"
        placeholder="Not set"
        searchable
        clearable
        nothingFoundMessage="No country by that name"
        leftSection={<IconMapPin size={16} />}
        data={countries.data.map((country) => ({ value: country.code, label: `${country.name} (${country.code})` }))}
        value={current}
        error={refusal}
        readOnly={setCountry.isPending}
        onChange={(code) => {
          setRefusal(null);
          setCountry.mutate(code ?? "", {
            onSuccess: (saved) =>
              notifications.show({
                title: "Country of residence saved",
                message: saved.residenceCountry ? saved.residenceCountry.name : "Not set.",
                color: "teal",
              }),
            onError: (error) => setRefusal(failureMessage(error)),
          });
        }}
        w={340}
        data-testid="residence-country"
      />
      <Text size="sm" c="dimmed" maw={420} mt={28}>
        Kept on this computer only. Saleguard checks it against each sale&apos;s eligible and excluded countries.
      </Text>
    </Group>
  );
}
