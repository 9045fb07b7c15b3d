import { Anchor, Group } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { routeHref, type Route } from "../shell/route";

/** The link above a page's title back to where it came from: "All sales". */
export function BackLink({ to, label }: { to: Route; label: string }) {
  return (
    <Anchor href={routeHref(to)} size="sm" w="fit-content">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden="true" />
        {label}
      </Group>
    </Anchor>
  );
}
