import { Button, Group, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconTemplate, IconUser } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { PriceApiCoin } from "../api";
import { LooksBadge } from "../common/LooksBadge";
import { useFormSubmit } from "../common/useFormSubmit";
import { useSetPriceApiCoin } from "./priceSourcesQueries";

/** Whose coin id it is: the user's, Saleguard's default for a well-known coin, or none (the asset is not asked for). */
function CoinIdOrigin({ coin }: { coin: PriceApiCoin }) {
  if (coin.chosen) {
    return (
      <LooksBadge color="blue" Icon={IconUser} title="The id you set." data-origin="yours" neverShortened>
        Yours
      </LooksBadge>
    );
  }
  if (coin.coinId !== "") {
    return (
      <LooksBadge color="gray" Icon={IconTemplate} title="Saleguard's id for this well-known coin." data-origin="default" neverShortened>
        Default
      </LooksBadge>
    );
  }
  return (
    <LooksBadge color="yellow" Icon={IconAlertTriangle} title="The API is not asked for this asset until you name its id." data-origin="none" neverShortened>
      None
    </LooksBadge>
  );
}

const isCoinIdField = (name: string): name is "coinId" => name === "coinId";

function CoinRow({ coin }: { coin: PriceApiCoin }) {
  const setCoin = useSetPriceApiCoin();
  const [typed, setTyped] = useState(coin.coinId);
  const submission = useFormSubmit({
    isField: isCoinIdField,
    whenUnexpected: "The coin id was not saved. Try again.",
    onSubmit: async (coinId: string) => {
      const saved = await setCoin.mutateAsync({ asset: coin.asset, coinId });
      const now = saved.coins.find((candidate) => candidate.asset === coin.asset);
      setTyped(now?.coinId ?? "");
      notifications.show({
        title: `Coin id of ${coin.asset} saved`,
        message: now?.chosen ? `The API is asked for ${coin.asset} as “${now.coinId}”.` : now?.coinId ? `Back to the default, “${now.coinId}”.` : `No id: the API is not asked for ${coin.asset}.`,
        color: "teal",
      });
    },
  });
  const { errors, submitting, formRef, clearFieldError } = submission;
  // Anything that is not about the id itself is said at its input too: the row has no room for an alert.
  const error = errors.fields.coinId ?? (errors.general.map((general) => general.message).join(" ") || undefined);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(typed);
  };
  return (
    <Table.Tr data-testid="price-coin-row" data-asset={coin.asset}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {coin.asset}
        </Text>
      </Table.Td>
      <Table.Td>
        <form ref={formRef} onSubmit={submit} noValidate aria-busy={submitting}>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              name="coinId"
              aria-label={`Coin id of ${coin.asset}`}
              placeholder="none (e.g. ethereum)"
              value={typed}
              error={error}
              onChange={(event) => {
                setTyped(event.currentTarget.value);
                clearFieldError("coinId");
              }}
              size="xs"
              w={220}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              autoComplete="off"
              spellCheck={false}
            />
            <Button type="submit" size="xs" variant="default" loading={submitting} disabled={typed.trim() === coin.coinId} aria-label={`Save the coin id of ${coin.asset}`}>
              Save
            </Button>
          </Group>
        </form>
      </Table.Td>
      <Table.Td>
        <CoinIdOrigin coin={coin} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Each asset to price online with the API's id for it; an id typed here replaces the default, an empty one goes back to it. */
export function PriceApiCoins({ coins }: { coins: ReadonlyArray<PriceApiCoin> }) {
  if (coins.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="price-coins-empty">
        No asset to price yet. Assets appear here once a sale, a trade or a distribution names them; each can then be given the API&apos;s id.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" fz="sm" aria-label="Coin ids at the price API" data-testid="price-coins-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Asset</Table.Th>
            <Table.Th>Coin id at the API</Table.Th>
            <Table.Th>Whose</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {coins.map((coin) => (
            <CoinRow key={coin.asset} coin={coin} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
