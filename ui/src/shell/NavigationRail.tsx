import { NavLink, Stack } from "@mantine/core";
import { areas } from "./areas";
import { areaHref, type Area } from "./route";

type NavigationRailProps = {
  activeArea: Area;
  onNavigate?: () => void;
};

export function NavigationRail({ activeArea, onNavigate }: NavigationRailProps) {
  return (
    <nav aria-label="Main">
      <Stack gap={2}>
        {areas.map(({ area, label, icon: AreaIcon }) => {
          const active = area === activeArea;
          return (
            <NavLink
              key={area}
              component="a"
              href={areaHref(area)}
              label={label}
              leftSection={<AreaIcon size={20} stroke={1.6} />}
              active={active}
              aria-current={active ? "page" : undefined}
              data-testid={`nav-${area}`}
              onClick={onNavigate}
              styles={{ root: { borderRadius: "var(--mantine-radius-md)" }, label: { fontWeight: 500 } }}
            />
          );
        })}
      </Stack>
    </nav>
  );
}
