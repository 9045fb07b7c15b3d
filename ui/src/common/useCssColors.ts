import { useEffect, useState } from "react";

/** What a colour that cannot be resolved (no CSS engine, e.g. in tests) is drawn in: Mantine's gray 6. */
const unresolvedColor = "#868e96";

/**
 * A CSS colour, e.g. `var(--mantine-color-teal-filled)`, as the browser resolves it now: a
 * canvas cannot read CSS variables, and Mantine's nest (`-filled` is `var(--mantine-color-teal-6)`).
 */
function resolveCssColor(cssColor: string): string {
  if (typeof document === "undefined" || !document.body) return unresolvedColor;
  const probe = document.createElement("span");
  probe.style.display = "none";
  probe.style.color = cssColor;
  document.body.appendChild(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved === "" || resolved.includes("var(") ? unresolvedColor : resolved;
}

function resolveAll<Name extends string>(cssColors: Readonly<Record<Name, string>>): Record<Name, string> {
  const resolved = {} as Record<Name, string>;
  for (const name of Object.keys(cssColors) as Name[]) {
    resolved[name] = resolveCssColor(cssColors[name]);
  }
  return resolved;
}

function sameColors<Name extends string>(a: Record<Name, string>, b: Record<Name, string>): boolean {
  return (Object.keys(a) as Name[]).every((name) => a[name] === b[name]);
}

/** Where Mantine says which colour scheme is shown (its provider's default root element). */
const colorSchemeAttribute = "data-mantine-color-scheme";

/**
 * The theme's CSS colours, by name, resolved for the colour scheme shown, for drawing on a
 * canvas; resolved again whenever the scheme changes. Pass a stable object (a module constant
 * or a memo).
 *
 * Resolved after the DOM is updated, and again each time Mantine sets the scheme on the root
 * element: its variables are in a `<style>` the provider renders, per scheme under that
 * attribute, which the provider sets in effects that may run after its children's. `null`
 * until then: draw nothing rather than in the wrong colours.
 */
export function useCssColors<Name extends string>(cssColors: Readonly<Record<Name, string>>): Record<Name, string> | null {
  const [resolved, setResolved] = useState<{ from: Readonly<Record<Name, string>>; colors: Record<Name, string> } | null>(null);
  useEffect(() => {
    const resolve = () => {
      const colors = resolveAll(cssColors);
      setResolved((previous) =>
        previous !== null && previous.from === cssColors && sameColors(previous.colors, colors) ? previous : { from: cssColors, colors },
      );
    };
    resolve();
    const observer = new MutationObserver(resolve);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: [colorSchemeAttribute] });
    return () => observer.disconnect();
  }, [cssColors]);
  // Other colours asked for than those resolved: the effect resolves them next.
  return resolved === null || resolved.from !== cssColors ? null : resolved.colors;
}
