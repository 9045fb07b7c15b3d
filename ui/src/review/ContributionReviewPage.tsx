import { Alert, Button, EmptyState, Paper, Stack } from "@mantine/core";
import { IconInfoCircle, IconSearch } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { hasErrorCode, type Review, type ReviewInput, type Sale } from "../api";
import { useAccountsList } from "../accounts/accountsQueries";
import { BackLink } from "../common/BackLink";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { useSale } from "../sales/salesQueries";
import { routeHref } from "../shell/route";
import { ContributionReviewForm } from "./ContributionReviewForm";
import { OverriddenReviews } from "./OverriddenReviews";
import { ReviewPanel } from "./ReviewPanel";

const pageTitle = "Review a contribution";

type Reviewed = { review: Review; input: ReviewInput; number: number };

function NothingSignedHere() {
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle />} title="Nothing is signed here" data-testid="nothing-signed">
      This page only checks a contribution before you make it: no transaction is built, signed or sent. Signing comes later.
    </Alert>
  );
}

/** The form, then the review of what was submitted, then the sale's overridden reviews. */
function ReviewWorkspace({ sale }: { sale: Sale }) {
  const accountsQuery = useAccountsList();
  const [reviewed, setReviewed] = useState<Reviewed | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // Bring each new review into view: it appears below the form.
  useEffect(() => {
    if (reviewed) panelRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [reviewed]);

  let form;
  if (accountsQuery.isPending) {
    form = <LoadingState label="Loading your accounts…" />;
  } else if (accountsQuery.isError) {
    form = (
      <FailureAlert title="Your accounts could not be loaded" error={accountsQuery.error} onRetry={() => void accountsQuery.refetch()} />
    );
  } else {
    form = (
      <ContributionReviewForm
        sale={sale}
        accounts={accountsQuery.data}
        reviewedInput={reviewed?.input ?? null}
        onReviewed={(review, input) => setReviewed((previous) => ({ review, input, number: (previous?.number ?? 0) + 1 }))}
      />
    );
  }

  return (
    <Stack gap="lg">
      <NothingSignedHere />
      {form}
      {reviewed && (
        <div ref={panelRef}>
          {/* A new review starts with no override recorded. */}
          <ReviewPanel key={reviewed.number} review={reviewed.review} input={reviewed.input} />
        </div>
      )}
      <OverriddenReviews saleId={sale.id} />
    </Stack>
  );
}

/** Checks a contribution to a sale before it is made; a blocked one can be overridden with a reason. */
export function ContributionReviewPage({ saleId }: { saleId: number }) {
  const saleQuery = useSale(saleId);
  const backToSale = (
    <BackLink to={{ area: "sales", view: "detail", saleId }} label={saleQuery.data?.projectName ?? "The sale"} />
  );

  if (saleQuery.isPending) {
    return (
      <>
        <PageHeader breadcrumb={backToSale} title={pageTitle} />
        <LoadingState label="Loading the sale…" />
      </>
    );
  }
  if (saleQuery.isError) {
    if (hasErrorCode(saleQuery.error, "sale_not_found")) {
      return (
        <>
          <PageHeader breadcrumb={<BackLink to={{ area: "sales", view: "list" }} label="All sales" />} title="Sale not found" />
          <Paper withBorder radius="md" p="xl">
            <EmptyState
              withIndicatorBackground
              icon={<IconSearch size={28} stroke={1.5} />}
              title="This sale does not exist any more"
              description="It may have been deleted. The list of sales shows everything Saleguard has."
            >
              <EmptyState.Actions>
                <Button component="a" href={routeHref({ area: "sales", view: "list" })} variant="light">
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
        <PageHeader breadcrumb={backToSale} title={pageTitle} />
        <FailureAlert title="The sale could not be loaded" error={saleQuery.error} onRetry={() => void saleQuery.refetch()} />
      </>
    );
  }

  const sale = saleQuery.data;
  return (
    <>
      <PageHeader
        breadcrumb={backToSale}
        title={pageTitle}
        description={`${sale.projectName}: check the chain, the destination, the sale's window and limits, your KYC and where you live, the sale's grade and your budget before you contribute.`}
      />
      <ReviewWorkspace sale={sale} />
    </>
  );
}
