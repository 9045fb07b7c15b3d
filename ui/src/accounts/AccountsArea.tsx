import type { AccountsRoute } from "../shell/route";
import { AccountDetailPage } from "./AccountDetailPage";
import { AccountsListPage } from "./AccountsListPage";
import { ContactsPage } from "./ContactsPage";
import { CreateAccountPage } from "./CreateAccountPage";
import { HardwareWalletPage } from "./HardwareWalletPage";
import { ImportAccountPage } from "./ImportAccountPage";

export function AccountsArea({ route }: { route: AccountsRoute }) {
  switch (route.view) {
    case "list":
      return <AccountsListPage />;
    case "new":
      return <CreateAccountPage />;
    case "import":
      return <ImportAccountPage />;
    case "hardware":
      return <HardwareWalletPage />;
    case "contacts":
      return <ContactsPage />;
    case "detail":
      return <AccountDetailPage key={route.accountId} accountId={route.accountId} />;
  }
}
