import { Button, EmptyState, Group, Paper, SimpleGrid, Stack, Tabs, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconArchiveOff, IconListDetails, IconPencil, IconScale, IconSearch, IconShieldSearch, IconTrash } from "@tabler/icons-react";
import { failureMessage, hasErrorCode, type Sale } from "../api";
import { AddressText } from "../common/AddressText";
import { AmountText } from "../common/AmountText";
import { BackLink } from "../common/BackLink";
import { CopyValueButton } from "../common/CopyValueButton";
import { DateTimeText } from "../common/DateTimeText";
import { DetailItem, DetailsSection } from "../common/DetailsSection";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { ResearchPanel } from "../diligence/ResearchPanel";
import { PageHeader } from "../common/PageHeader";
import { formatUtcDateTime } from "../format/time";
import { SaleParticipationSection } from "../participations/SaleParticipationSection";
import { routeHref } from "../shell/route";
import { ArchivedBadge } from "./ArchivedBadge";
import { ContractTermsSection } from "./ContractTermsSection";
import { DeleteSaleDialog } from "./DeleteSaleDialog";
import { OfficialAddressesSection } from "./OfficialAddressesSection";
import { SaleStatusBadge } from "./SaleStatusBadge";
import { useSale, useSetSaleArchived } from "./salesQueries";

const listHref = routeHref({ area: "sales", view: "list" });

function BackToSales() {
  return <BackLink to={{ area: "sales", view: "list" }} label="All sales" />;
}

function PricingText({ sale }: { sale: Sale }) {
  if (!sale.pricing) {
    return (
      <Text span size="sm" c="dimmed">
        Not set
      </Text>
    );
  }
  const oneUnitOf = sale.pricing.kind === "price" ? sale.tokenSymbol : sale.currency.symbol;
  return (
    <Text span size="sm" className="tabular-nums">
      1 {oneUnitOf} = <AmountText amount={sale.pricing.amount} />
    </Text>
  );
}

function CurrencyText({ sale }: { sale: Sale }) {
  const { currency } = sale;
  if (currency.kind === "native") {
    return (
      <Text span size="sm">
        {currency.symbol}{" "}
        <Text span size="sm" c="dimmed">
          (the chain's native coin)
        </Text>
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Text span size="sm">
        {currency.symbol}{" "}
        <Text span size="sm" c="dimmed">
          (ERC-20 token, {currency.decimals} decimals)
        </Text>
      </Text>
      {currency.address && <AddressText address={currency.address} />}
    </Stack>
  );
}

function ScheduleTime({ iso }: { iso: string }) {
  return (
    <Stack gap={0}>
      <DateTimeText iso={iso} withRelative />
      <Text span size="xs" c="dimmed" className="tabular-nums">
        {formatUtcDateTime(iso)}
      </Text>
    </Stack>
  );
}

function SaleTerms({ sale }: { sale: Sale }) {
  return (
    <Stack gap="lg">
      <DetailsSection title="Where and how to contribute">
        <DetailItem label="Chain id">
          <Text span size="sm" className="tabular-nums">
            {sale.chainId}
          </Text>
        </DetailItem>
        <DetailItem label="Contribution address">
          <AddressText address={sale.contributionAddress} />
        </DetailItem>
        <DetailItem label="Accepted currency">
          <CurrencyText sale={sale} />
        </DetailItem>
        <DetailItem label={sale.pricing?.kind === "rate" ? "Rate" : "Price"}>
          <PricingText sale={sale} />
        </DetailItem>
        <DetailItem label="KYC required">
          <Text span size="sm">
            {sale.kycRequired ? "Yes" : "No"}
          </Text>
        </DetailItem>
      </DetailsSection>
      <OfficialAddressesSection sale={sale} />
      <ContractTermsSection sale={sale} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <DetailsSection title="Schedule">
          <DetailItem label="Starts">
            <ScheduleTime iso={sale.startsAt} />
          </DetailItem>
          <DetailItem label="Ends">
            <ScheduleTime iso={sale.endsAt} />
          </DetailItem>
        </DetailsSection>
        <DetailsSection title="Caps and limits">
          <DetailItem label="Soft cap">
            <AmountText amount={sale.softCap} />
          </DetailItem>
          <DetailItem label="Hard cap">
            <AmountText amount={sale.hardCap} />
          </DetailItem>
          <DetailItem label="Minimum contribution">
            <AmountText amount={sale.minContribution} />
          </DetailItem>
          <DetailItem label="Maximum contribution">
            <AmountText amount={sale.maxContribution} />
          </DetailItem>
        </DetailsSection>
      </SimpleGrid>
      <DetailsSection title="Token and documents">
        <DetailItem label="Token">
          <Text span size="sm">
            {sale.tokenSymbol}{" "}
            <Text span size="sm" c="dimmed" className="tabular-nums">
              ({sale.tokenDecimals} decimals)
            </Text>
          </Text>
        </DetailItem>
        <DetailItem label="Whitepaper">
          {sale.whitepaperUrl ? (
            <Group gap="xs" wrap="nowrap">
              <Text span size="sm" ff="monospace" style={{ wordBreak: "break-all" }}>
                {sale.whitepaperUrl}
              </Text>
              <CopyValueButton value={sale.whitepaperUrl} label="Copy whitepaper address" />
            </Group>
          ) : (
            <Text span size="sm" c="dimmed">
              Not recorded
            </Text>
          )}
        </DetailItem>
        <DetailItem label="Notes">
          {sale.notes ? (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {sale.notes}
            </Text>
          ) : (
            <Text span size="sm" c="dimmed">
              None
            </Text>
          )}
        </DetailItem>
        <DetailItem label="Added">
          <DateTimeText iso={sale.createdAt} />
        </DetailItem>
        <DetailItem label="Last changed">
          <DateTimeText iso={sale.updatedAt} />
        </DetailItem>
      </DetailsSection>
    </Stack>
  );
}

/** Archives the sale (out of the way, kept with its history) or brings it back. */
function ArchiveToggleButton({ sale }: { sale: Sale }) {
  const setArchived = useSetSaleArchived(sale.id);
  const archived = sale.archivedAt !== null;
  const toggle = () => {
    setArchived.mutate(!archived, {
      onSuccess: (saved) => {
        notifications.show({
          title: archived ? "Sale unarchived" : "Sale archived",
          message: archived
            ? `${saved.projectName} is back among your sales.`
            : `${saved.projectName} is kept with its history, out of the way.`,
          icon: archived ? <IconArchiveOff size={18} /> : <IconArchive size={18} />,
          color: "gray",
        });
      },
      onError: (error) => {
        notifications.show({
          title: archived ? "The sale was not unarchived" : "The sale was not archived",
          message: failureMessage(error),
          color: "red",
        });
      },
    });
  };
  return (
    <Button
      variant="default"
      leftSection={archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
      loading={setArchived.isPending}
      onClick={toggle}
      data-testid={archived ? "unarchive-sale" : "archive-sale"}
    >
      {archived ? "Unarchive" : "Archive"}
    </Button>
  );
}

export function SaleDetailPage({ saleId }: { saleId: number }) {
  const saleQuery = useSale(saleId);
  const [deleteOpened, deleteDialog] = useDisclosure(false);
  const [tab, setTab] = useState("overview");
  const [diligenceOpened, setDiligenceOpened] = useState(false);

  if (saleQuery.isPending) {
    return (
      <>
        <PageHeader breadcrumb={<BackToSales />} title="Sale" />
        <LoadingState label="Loading the sale…" />
      </>
    );
  }

  if (saleQuery.isError) {
    if (hasErrorCode(saleQuery.error, "sale_not_found")) {
      return (
        <>
          <PageHeader breadcrumb={<BackToSales />} title="Sale not found" />
          <Paper withBorder radius="md" p="xl">
            <EmptyState
              withIndicatorBackground
              icon={<IconSearch size={28} stroke={1.5} />}
              title="This sale does not exist any more"
              description="It may have been deleted. The list of sales shows everything Saleguard has."
            >
              <EmptyState.Actions>
                <Button component="a" href={listHref} variant="light">
                  Go to all sales
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          </Paper>
        </>
      );
    }
    return (
      <>
        <PageHeader breadcrumb={<BackToSales />} title="Sale" />
        <FailureAlert title="The sale could not be loaded" error={saleQuery.error} onRetry={() => void saleQuery.refetch()} />
      </>
    );
  }

  const sale = saleQuery.data;
  return (
    <>
      <PageHeader
        breadcrumb={<BackToSales />}
        title={sale.projectName}
        badge={
          <>
            <SaleStatusBadge status={sale.status} />
            {sale.archivedAt !== null && <ArchivedBadge archivedAt={sale.archivedAt} />}
          </>
        }
        description={`${sale.tokenSymbol} on chain ${sale.chainId}`}
        actions={
          <>
            <Button
              component="a"
              href={routeHref({ area: "sales", view: "review", saleId: sale.id })}
              leftSection={<IconShieldSearch size={16} />}
              data-testid="review-contribution"
            >
              Review a contribution
            </Button>
            <Button
              component="a"
              href={routeHref({ area: "sales", view: "edit", saleId: sale.id })}
              variant="default"
              leftSection={<IconPencil size={16} />}
              data-testid="edit-sale"
            >
              Edit
            </Button>
            <ArchiveToggleButton sale={sale} />
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={deleteDialog.open}
              data-testid="delete-sale"
            >
              Delete
            </Button>
          </>
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = value ?? "overview";
          setTab(next);
          if (next === "diligence") setDiligenceOpened(true);
        }}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="overview" leftSection={<IconListDetails size={16} />} data-testid="sale-tab-overview">
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="diligence" leftSection={<IconScale size={16} />} data-testid="sale-tab-diligence">
            Due diligence
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Stack gap="lg">
            <SaleParticipationSection sale={sale} />
            <SaleTerms sale={sale} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="diligence">
          {/* Loaded when first opened, then kept: switching tabs loses nothing typed. */}
          {diligenceOpened && <ResearchPanel saleId={sale.id} />}
        </Tabs.Panel>
      </Tabs>
      <DeleteSaleDialog sale={sale} opened={deleteOpened} onClose={deleteDialog.close} />
    </>
  );
}
