import { notifications } from "@mantine/notifications";
import { IconCheck } from "@tabler/icons-react";
import type { Sale } from "../api";
import { BackLink } from "../common/BackLink";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { navigate, type SalesRoute } from "../shell/route";
import { SaleForm } from "./SaleForm";
import { emptySaleInput } from "./saleInput";
import { useCreateSale, useSaleDraft, useUpdateSale } from "./salesQueries";

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
  const draftQuery = useSaleDraft(saleId);
  const updateSale = useUpdateSale(saleId);
  const detail: SalesRoute = { area: "sales", view: "detail", saleId };
  const breadcrumb = <BackLink to={detail} label="Back to the sale" />;

  if (draftQuery.isPending) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title="Edit sale" />
        <LoadingState label="Loading the sale…" />
      </>
    );
  }
  if (draftQuery.isError) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title="Edit sale" />
        <FailureAlert title="The sale could not be loaded" error={draftQuery.error} onRetry={() => void draftQuery.refetch()} />
      </>
    );
  }
  const draft = draftQuery.data;
  return (
    <>
      <PageHeader breadcrumb={breadcrumb} title={`Edit ${draft.projectName}`} />
      <SaleForm
        // The backend writes the stored terms as a user would type them; the form then
        // keeps what the user types.
        initialInput={draft}
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
