import { PageHeader } from "../common/PageHeader";
import { NotBuiltYet } from "../common/NotBuiltYet";
import { describeArea } from "./areas";
import type { Area } from "./route";

/** An area of the navigation that exists in the plan but not yet in the app. */
export function UnbuiltAreaPage({ area }: { area: Area }) {
  const { label, icon: AreaIcon, purpose } = describeArea(area);
  return (
    <>
      <PageHeader title={label} />
      <NotBuiltYet
        icon={<AreaIcon size={28} stroke={1.5} />}
        title="This area is not built yet"
        withBadge={false}
        description={`${purpose} This part of Saleguard does not exist yet: nothing here is stored or shown.`}
      />
    </>
  );
}
