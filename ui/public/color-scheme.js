// Sets the colour scheme (light, dark, or the system's) before anything is drawn, as
// Mantine's ColorSchemeScript does — a file, since the app's CSP allows no inline script —
// so the frame drawn into index.html has the user's colours before the app's script runs.
try {
  var stored = window.localStorage.getItem("mantine-color-scheme-value");
  var dark = stored === "dark" || (stored !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.setAttribute("data-mantine-color-scheme", dark ? "dark" : "light");
} catch (error) {
  // No storage: Mantine decides when the app starts.
}
