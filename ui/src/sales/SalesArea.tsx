import { ContributionReviewPage } from "../review/ContributionReviewPage";
import type { SalesRoute } from "../shell/route";
import { SaleDetailPage } from "./SaleDetailPage";
import { CreateSalePage, EditSalePage } from "./SaleFormPages";
import { SalesListPage } from "./SalesListPage";

export function SalesArea({ route }: { route: SalesRoute }) {
  switch (route.view) {
    case "list":
      return <SalesListPage />;
    case "new":
      return <CreateSalePage />;
    case "detail":
      return <SaleDetailPage key={route.saleId} saleId={route.saleId} />;
    case "edit":
      return <EditSalePage key={route.saleId} saleId={route.saleId} />;
    case "review":
      return <ContributionReviewPage key={route.saleId} saleId={route.saleId} />;
  }
}
