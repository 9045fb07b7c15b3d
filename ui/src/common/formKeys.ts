import type { KeyboardEvent } from "react";

/**
 * Put on a `<form>` as `onKeyDown`: Ctrl+Enter (⌘+Enter on macOS) submits from anywhere
 * in it, a textarea included (where Enter makes a new line), and Enter submits from a
 * radio button, checkbox or select too, which browsers do not all do by themselves.
 * Enter in a text input is left to the browser, which submits the form.
 */
export function submitOnEnterKeys(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== "Enter" || event.nativeEvent.isComposing || event.altKey || event.shiftKey) return;
  const target = event.target;
  const withModifier = event.ctrlKey || event.metaKey;
  const onChoice =
    (target instanceof HTMLInputElement && (target.type === "radio" || target.type === "checkbox")) ||
    target instanceof HTMLSelectElement;
  if (!withModifier && !onChoice) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}
