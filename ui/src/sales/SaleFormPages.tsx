import { Anchor, Group } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconCheck } from "@tabler/icons-react";
import type { Sale } from "../api";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { navigate, routeHref, type SalesRoute } from "../shell/route";
import { SaleForm } from "./SaleForm";
import { emptySaleInput, saleInputFromSale } from "./saleInput";
import { useCreateSale, useSale, useUpdateSale } from "./salesQueries";

function BackLink({ to, label }: { to: SalesRoute; label: string }) {
  return (
    <Anchor href={routeHref(to)} size="sm" w="fit-content">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden="true" />
        {label}
      </Group>
    </Anchor>
  );
}

function announceSaved(sale: Sale, verb: "added" | "saved") {
  notifications.show({
    title: verb === "added" ? "Sale added" : "Sale saved",
    message: `${sale.projectName} (${sale.tokenSymbol}) was ${verb}.`,
    color: "teal",
    icon: <IconCheck size={18} />,
  });
}

export function CreateSalePage() {
  const createSale = useCreateSale();
  const list: SalesRoute = { area: "sales", view: "list" };
  return (
    <>
      <PageHeader
        breadcrumb={<BackLink to={list} label="All sales" />}
        title="Add a sale"
        description="Copy the terms from the project's official announcement. Saleguard checks every value when you save."
      />
      <SaleForm
        initialInput={emptySaleInput}
        onCancel={() => navigate(list)}
        onSave={async (input) => {
          const sale = await createSale.mutateAsync(input);
          navigate(list);
          announceSaved(sale, "added");
        }}
      />
    </>
  );
}

export function EditSalePage({ saleId }: { saleId: number }) {
  const saleQuery = useSale(saleId);
  const updateSale = useUpdateSale(saleId);
  const detail: SalesRoute = { area: "sales", view: "detail", saleId };
  const breadcrumb = <BackLink to={detail} label="Back to the sale" />;

  if (saleQuery.isPending) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title="Edit sale" />
        <LoadingState label="Loading the sale…" />
      </>
    );
  }
  if (saleQuery.isError) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title="Edit sale" />
        <FailureAlert title="The sale could not be loaded" error={saleQuery.error} onRetry={() => void saleQuery.refetch()} />
      </>
    );
  }
  const sale = saleQuery.data;
  return (
    <>
      <PageHeader breadcrumb={breadcrumb} title={`Edit ${sale.projectName}`} />
      <SaleForm
        // The form keeps what the user types; a background refetch must not overwrite it.
        initialInput={saleInputFromSale(sale)}
        onCancel={() => navigate(detail)}
        onSave={async (input) => {
          const saved = await updateSale.mutateAsync(input);
          navigate(detail);
          announceSaved(saved, "saved");
        }}
      />
    </>
  );
}
