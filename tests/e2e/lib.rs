//! Driving the real Saleguard binary through tauri-driver.
//!
//! The tests need `E2E_APP` (the built desktop binary) and a tauri-driver listening
//! on `WEBDRIVER_URL` (default `http://127.0.0.1:4444`); `scripts/test.sh` starts it
//! under Xvfb. Screenshots go to `target/e2e-screenshots/`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use alloy_primitives::{Address, U256};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use saleguard_testkit::Anvil;
use time::OffsetDateTime;
use time::macros::format_description;

/// A date and time as the app's forms take it (`2026-11-29 14:05`).
pub fn form_text(at: OffsetDateTime) -> String {
    at.format(format_description!("[year]-[month]-[day] [hour]:[minute]"))
        .expect("formatted")
}

/// A folder for the user's own files (a CSV to import, an export to save), removed
/// when dropped. Not a hidden one like `tempfile::tempdir()`'s `.tmpXXXX`: GTK's file
/// chooser does not follow a typed path into a hidden folder, and users keep their files
/// in visible ones.
pub fn user_files() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("saleguard-e2e-files-")
        .tempdir()
        .expect("a folder for the user's files")
}

/// One ether in wei.
pub fn ether() -> U256 {
    U256::from(1_000_000_000_000_000_000u64)
}

/// The test sale contract deployed on Anvil for a chain journey: soft cap 5 ETH, hard
/// cap 10 ETH, ten days to go; its token; and when it was deployed.
#[derive(Debug, Clone, Copy)]
pub struct ChainSale {
    pub address: Address,
    pub token: Address,
    pub deployed_at: OffsetDateTime,
}

impl ChainSale {
    pub fn deploy(anvil: &Anvil) -> Self {
        let deployed_at = OffsetDateTime::now_utc();
        let deadline =
            u64::try_from(deployed_at.unix_timestamp()).expect("after 1970") + 10 * 86_400;
        let address = anvil.deploy_token_sale(
            ether() * U256::from(5u64),
            ether() * U256::from(10u64),
            deadline,
        );
        let token = anvil.call_word(address, "token()", None);
        let token = Address::from_word(token.to_be_bytes::<32>().into());
        Self {
            address,
            token,
            deployed_at,
        }
    }
}

/// One of a sale's actions as the user adds it in the sale's "On chain" section.
#[derive(Debug, Clone, Copy)]
pub struct NewAction<'a> {
    /// As on the wire: `contribute`, `approve_payment`, `claim_refund`, `claim_tokens`,
    /// `claim_vested`, `other`.
    pub purpose: &'a str,
    pub name: &'a str,
    pub signature: &'a str,
    /// One per line, as typed; empty for none.
    pub arguments: &'a str,
}

/// The ERC-20 token a sale is paid in, as the sale's form takes it.
#[derive(Debug, Clone, Copy)]
pub struct PaymentToken<'a> {
    pub symbol: &'a str,
    pub address: &'a str,
    pub decimals: &'a str,
}

/// A sale deployed on the local chain, as the user records it.
#[derive(Debug, Clone, Copy)]
pub struct SaleOnChain<'a> {
    /// Where contributions go.
    pub address: &'a str,
    /// The sale's token.
    pub token: &'a str,
    /// When the sale opens and closes, as the form takes them.
    pub window: (&'a str, &'a str),
    /// None: paid in the chain's coin.
    pub payment: Option<PaymentToken<'a>>,
}

/// How long to wait for the UI to react before failing.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A running Saleguard window on a given data directory.
#[derive(Debug)]
pub struct AppSession {
    pub client: Client,
    screenshots: PathBuf,
}

impl AppSession {
    /// Launches the app on `data_dir` and waits for its shell to appear.
    pub async fn launch(data_dir: &Path) -> AppSession {
        Self::launch_with(data_dir, &[]).await
    }

    /// Launches the app on `data_dir` with more command-line arguments
    /// (`--ledger-emulator HOST:PORT`).
    pub async fn launch_with(data_dir: &Path, arguments: &[&str]) -> AppSession {
        let app =
            std::env::var("E2E_APP").expect("E2E_APP must name the built saleguard-desktop binary");
        let url =
            std::env::var("WEBDRIVER_URL").unwrap_or_else(|_| "http://127.0.0.1:4444".to_owned());
        let mut args = vec!["--data-dir".to_owned(), data_dir.display().to_string()];
        args.extend(arguments.iter().map(|argument| (*argument).to_owned()));
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "tauri:options".to_owned(),
            serde_json::json!({
                "application": app,
                "args": args,
            }),
        );
        // Plain HTTP: tauri-driver listens on 127.0.0.1, so no TLS stack is needed.
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&url)
            .await
            .unwrap_or_else(|error| panic!("no WebDriver session at {url}: {error}"));
        let screenshots =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-screenshots");
        std::fs::create_dir_all(&screenshots).expect("screenshot directory");
        let session = AppSession {
            client,
            screenshots,
        };
        // The live app's frame, not the one index.html draws before the script has run.
        session
            .wait_for("[data-shell='live'] [data-testid='nav-sales']")
            .await;
        session
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        self.wait_for_locator(Locator::Css(css), css).await
    }

    /// Waits until an element with exactly this text (trimmed) appears.
    pub async fn wait_for_text(&self, text: &str) -> Element {
        let xpath = format!("//*[normalize-space(text())={}]", xpath_literal(text));
        self.wait_for_locator(Locator::XPath(&xpath), &format!("text {text:?}"))
            .await
    }

    /// Finds `locator` again and again until it is there or `PATIENCE` is over. A page
    /// that re-renders while it is searched (rows replaced as balances arrive) makes
    /// WebKitWebDriver answer "stale element" instead of "not yet": that is a "not yet".
    async fn wait_for_locator(&self, locator: Locator<'_>, what: &str) -> Element {
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            match self.client.find(locator).await {
                Ok(element) => return element,
                Err(error) if std::time::Instant::now() >= deadline => {
                    panic!("{what} did not appear within {PATIENCE:?}: {error}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// Clicks the element once it can really take the click: scrolled into view, no longer
    /// moving or fading in (a dialog's opening transition), and on top at its centre.
    /// A click sent earlier can land on whatever is above it (a dialog's overlay,
    /// which closes the dialog) and be lost without an error.
    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        self.wait_until_clickable(css, &element).await;
        element
            .click()
            .await
            .unwrap_or_else(|error| panic!("click {css}: {error:?}"));
    }

    async fn wait_until_clickable(&self, css: &str, element: &Element) {
        let settled = "const [element, done] = [arguments[0], arguments[arguments.length - 1]]; \
            const box = () => { const r = element.getBoundingClientRect(); \
                                return [r.x, r.y, r.width, r.height].join(); }; \
            element.scrollIntoView({ block: 'center', inline: 'nearest' }); \
            const before = box(); \
            requestAnimationFrame(() => requestAnimationFrame(() => { \
              const r = element.getBoundingClientRect(); \
              let opaque = true; \
              for (let node = element; node instanceof Element; node = node.parentElement) { \
                if (getComputedStyle(node).opacity !== '1') opaque = false; \
              } \
              const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); \
              done(r.width > 0 && r.height > 0 && box() === before && opaque \
                   && top !== null && (top === element || element.contains(top))); \
            }));";
        let argument = serde_json::to_value(element).expect("an element is JSON");
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            let ready = self
                .client
                .execute_async(settled, vec![argument.clone()])
                .await
                .unwrap_or_else(|error| panic!("checking {css} can be clicked: {error:?}"));
            if ready == serde_json::Value::Bool(true) {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{css} could not be clicked within {PATIENCE:?}: hidden, moving or covered"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Presses Enter in the input named `name`: submits its form the way a keyboard
    /// user does (and whatever a notification covers on screen).
    pub async fn press_enter_in(&self, name: &str) {
        self.press_enter_in_form("", name).await;
    }

    /// Waits until the (trimmed) text of the element `css` is `expected`.
    pub async fn wait_for_text_of(&self, css: &str, expected: &str) {
        self.wait_until_text(css, expected, |text| text.trim() == expected)
            .await;
    }

    /// Closes every notification on screen (they stack bottom-right, over the end of
    /// long pages), as a user clears them before reaching what they cover.
    /// A close button that cannot take the click yet (the stack still moving after the
    /// last one closed) is tried again, until none is left.
    pub async fn dismiss_notifications(&self) {
        let close = ".mantine-Notification-closeButton";
        let deadline = std::time::Instant::now() + PATIENCE;
        while let Ok(button) = self.client.find(Locator::Css(close)).await {
            assert!(
                std::time::Instant::now() < deadline,
                "the notifications could not all be closed within {PATIENCE:?}"
            );
            // A refused click (moving, or gone meanwhile) is simply tried again.
            let _ = button.click().await;
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Waits until the text of the element `css` contains `part`.
    pub async fn wait_for_text_in(&self, css: &str, part: &str) {
        self.wait_until_text(css, part, |text| text.contains(part))
            .await;
    }

    async fn wait_until_text(&self, css: &str, expected: &str, done: impl Fn(&str) -> bool) {
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            let text = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if done(&text) {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{css}: {text:?}, {expected:?} expected within {PATIENCE:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Adds `address` as a watch-only account named `label`, from the Accounts area.
    pub async fn add_watch_only_account(&self, address: &str, label: &str) {
        self.click("[data-testid='nav-accounts']").await;
        self.click("[data-testid='import-account']").await;
        self.click("[id$='-tab-watchOnly']").await;
        let watch = "[data-testid='add-watch-only-form']";
        self.fill_in(watch, "address", address).await;
        self.fill_in(watch, "label", label).await;
        self.press_enter_in_form(watch, "label").await;
        self.wait_for_text(address).await;
    }

    /// Imports Anvil's development key `key` as the account `label` (into the keyring)
    /// from the Accounts area, and waits until its address is listed.
    pub async fn import_private_key(&self, (address, key): (&str, &str), label: &str) {
        self.click("[data-testid='nav-accounts']").await;
        self.click("[data-testid='import-account']").await;
        self.click("[id$='-tab-privateKey']").await;
        let key_form = "[data-testid='import-private-key-form']";
        self.fill_in(key_form, "privateKey", key).await;
        self.fill_in(key_form, "label", label).await;
        self.press_enter_in_form(key_form, "label").await;
        self.wait_for_text(address).await;
    }

    /// Adds a sale through the Sales area's form (`fields` by input name) and waits
    /// for it in the list.
    pub async fn add_sale(&self, fields: &[(&str, &str)]) {
        self.add_sale_paid_in(None, fields).await;
    }

    /// [`add_sale`](Self::add_sale), paid in the ERC-20 token `payment` when there is
    /// one: "ERC-20 token" chosen, then its symbol, address and decimals.
    async fn add_sale_paid_in(&self, payment: Option<PaymentToken<'_>>, fields: &[(&str, &str)]) {
        self.click("[data-testid='nav-sales']").await;
        self.click("[data-testid='add-sale']").await;
        self.wait_for("[data-testid='sale-form']").await;
        if let Some(payment) = payment {
            // The segmented control's radio is hidden under its label: click the label.
            self.click("[data-testid='sale-form'] label[for$='-erc20']")
                .await;
            self.fill("currencyAddress", payment.address).await;
            self.fill("currencyDecimals", payment.decimals).await;
        }
        for (name, value) in fields {
            self.fill(name, value).await;
        }
        self.click("[data-testid='sale-form'] button[type='submit']")
            .await;
        self.wait_for("[data-testid='sale-row']").await;
    }

    /// A sale on a local chain as a user sets it up: the node of chain 31337 at
    /// `rpc_url` in Settings (with an explorer), its connection checked (and shot as
    /// `network_screenshot`), the sale paying `sale_address` open from `starts_at` to
    /// `ends_at`, its contract terms (`actions` and `token`) and a participation, whose
    /// page is left open.
    pub async fn set_up_chain_sale(
        &self,
        rpc_url: &str,
        sale_address: &str,
        token: &str,
        window: (&str, &str),
        network_screenshot: &str,
        actions: &[NewAction<'_>],
    ) {
        let sale = SaleOnChain {
            address: sale_address,
            token,
            window,
            payment: None,
        };
        self.set_up_sale_on_chain(rpc_url, &sale, network_screenshot, actions)
            .await;
    }

    /// [`set_up_chain_sale`](Self::set_up_chain_sale) for any sale, paid in coins or
    /// in a token.
    pub async fn set_up_sale_on_chain(
        &self,
        rpc_url: &str,
        sale: &SaleOnChain<'_>,
        network_screenshot: &str,
        actions: &[NewAction<'_>],
    ) {
        let (starts_at, ends_at) = sale.window;
        self.click("[data-testid='nav-settings']").await;
        self.wait_for("[data-testid='network-row-31337']").await;
        self.click("[data-testid='network-edit-31337']").await;
        let network_form = "[data-testid='network-form']";
        self.fill_in(network_form, "rpcUrl", rpc_url).await;
        self.fill_in(network_form, "explorerUrl", "https://explorer.example")
            .await;
        self.click("[data-testid='network-save']").await;
        self.wait_for_text_in("[data-testid='network-host-31337']", "127.0.0.1")
            .await;
        self.click("[data-testid='network-check-31337']").await;
        self.wait_for_text_in("[data-testid='network-check-result-31337']", "block")
            .await;
        self.scroll_into_view("[data-testid='networks-section']")
            .await;
        self.screenshot(network_screenshot).await;
        let currency_symbol = sale.payment.map_or("ETH", |payment| payment.symbol);
        self.add_sale_paid_in(
            sale.payment,
            &[
                ("projectName", "Chain Sale"),
                ("tokenSymbol", "SALE"),
                ("tokenDecimals", "18"),
                ("chainId", "31337"),
                ("contributionAddress", sale.address),
                ("currencySymbol", currency_symbol),
                ("startsAt", starts_at),
                ("endsAt", ends_at),
            ],
        )
        .await;
        self.click("[data-testid='sale-row'] td").await;
        for action in actions {
            self.add_action(action).await;
        }
        let terms = "[data-testid='contract-terms-form']";
        self.fill_in(terms, "tokenAddress", sale.token).await;
        self.click("[data-testid='contract-terms-save']").await;
        self.wait_for_text("Token saved").await;
        self.click("[data-testid='start-participation']").await;
        self.click("[data-testid='start-participation-form'] button[type='submit']")
            .await;
        self.wait_for("[data-testid='participation-timeline']")
            .await;
    }

    /// Adds an action to the sale whose page is open, and waits until it is listed.
    pub async fn add_action(&self, action: &NewAction<'_>) {
        let listed = self.count("[data-testid='sale-action-row']").await;
        self.click("[data-testid='sale-action-add']").await;
        let form = "[data-testid='action-form']";
        self.click("[data-testid='action-purpose']").await;
        self.click(&format!("[role='option'][value='{}']", action.purpose))
            .await;
        self.fill_in(form, "name", action.name).await;
        self.fill_in(form, "signature", action.signature).await;
        if !action.arguments.is_empty() {
            self.fill_in(form, "arguments", action.arguments).await;
        }
        self.click("[data-testid='action-save']").await;
        self.wait_for_count("[data-testid='sale-action-row']", listed + 1)
            .await;
    }

    /// [`set_up_chain_sale`](Self::set_up_chain_sale) for a deployed sale, open in the
    /// app since the day before it was deployed and for a week.
    pub async fn set_up_deployed_sale(
        &self,
        anvil: &Anvil,
        sale: &ChainSale,
        network_screenshot: &str,
    ) {
        self.set_up_chain_sale(
            &anvil.url(),
            &sale.address.to_checksum(None),
            &sale.token.to_checksum(None),
            (
                &form_text(sale.deployed_at - time::Duration::days(1)),
                &form_text(sale.deployed_at + time::Duration::days(7)),
            ),
            network_screenshot,
            &[
                NewAction {
                    purpose: "contribute",
                    name: "Contribute",
                    signature: "contribute()",
                    arguments: "",
                },
                NewAction {
                    purpose: "claim_refund",
                    name: "Claim refund",
                    signature: "claimRefund()",
                    arguments: "",
                },
            ],
        )
        .await;
    }

    /// Chooses the account `id` labelled `label` in the wizard's first step, once the
    /// accounts have loaded into the select (they come after the form).
    pub async fn choose_wizard_account(&self, id: i64, label: &str) {
        let select = "[data-testid='wizard-choose'] select[name='accountId']";
        self.wait_for(&format!("{select} option[value='{id}']"))
            .await;
        self.wait_for(select)
            .await
            .select_by_label(label)
            .await
            .unwrap_or_else(|error| panic!("no account option labelled {label:?}: {error}"));
    }

    /// Records the participation's next step (`state` as on the wire, now) from the
    /// Overview tab, and waits for the history to have `steps` steps.
    pub async fn record_step(&self, state: &str, steps: usize) {
        self.click(&format!(
            "[data-testid='record-step-form'] input[name='to'][value='{state}']"
        ))
        .await;
        self.press_enter_in_form("[data-testid='record-step-form']", "happenedAt")
            .await;
        self.wait_for_count("[data-testid='participation-step']", steps)
            .await;
    }

    /// Records a trade on the Portfolio page: its kind, then the fields named, and waits
    /// for the trades table to hold `count` rows.
    pub async fn record_trade(&self, kind: &str, fields: &[(&str, &str)], count: usize) {
        const TRADES: &str = "[data-testid='trade-form']";
        self.click(&format!("{TRADES} input[value='{kind}'] + label"))
            .await;
        for (name, value) in fields {
            self.fill_in(TRADES, name, value).await;
        }
        self.click(&format!("{TRADES} button[type='submit']")).await;
        self.wait_for_count("[data-testid='trade-row']", count)
            .await;
        self.dismiss_notifications().await;
    }

    /// Presses Enter in the input named `name` inside `scope`.
    pub async fn press_enter_in_form(&self, scope: &str, name: &str) {
        self.wait_for(&format!("{scope} [name='{name}']"))
            .await
            .send_keys("\u{E007}")
            .await
            .unwrap_or_else(|error| panic!("press Enter in {name}: {error}"));
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|found| found.len())
            .unwrap_or(0)
    }

    /// Waits until exactly `expected` elements match `css`.
    pub async fn wait_for_count(&self, css: &str, expected: usize) {
        let deadline = std::time::Instant::now() + PATIENCE;
        while self.count(css).await != expected {
            assert!(
                std::time::Instant::now() < deadline,
                "{css}: {} found, {expected} expected within {PATIENCE:?}",
                self.count(css).await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Replaces the value of the input named `name` in the form.
    pub async fn fill(&self, name: &str, value: &str) {
        self.fill_in("", name, value).await;
    }

    /// Replaces the value of the input named `name` inside the element `scope` (a
    /// CSS selector; empty for the whole page).
    pub async fn fill_in(&self, scope: &str, name: &str, value: &str) {
        let input = self.wait_for(&format!("{scope} [name='{name}']")).await;
        input
            .clear()
            .await
            .unwrap_or_else(|error| panic!("clear {name}: {error}"));
        // A WebDriver clear fires no input event, so React keeps the old value until
        // something is typed: tests always type a value.
        assert!(
            !value.is_empty(),
            "fill {name} with a value (clearing alone does not reach React)"
        );
        input
            .send_keys(value)
            .await
            .unwrap_or_else(|error| panic!("type into {name}: {error}"));
    }

    /// Chooses the option whose label starts with `label` in the select named `name`
    /// inside `scope`, typing it as a keyboard user does on a focused select.
    pub async fn choose(&self, scope: &str, name: &str, label: &str) {
        self.wait_for(&format!("{scope} select[name='{name}']"))
            .await
            .send_keys(label)
            .await
            .unwrap_or_else(|error| panic!("choose {label} in {name}: {error}"));
    }

    /// Clicks `button`, which opens the system's open dialog titled `title`, and picks
    /// `file` there as a keyboard user does: the location field (Ctrl+L), the path,
    /// Enter. A screenshot of the whole screen with the dialog is saved as `screenshot`
    /// when one is named.
    pub async fn open_in_dialog(
        &self,
        button: &str,
        title: &str,
        file: &Path,
        screenshot: Option<&str>,
    ) {
        self.click(button).await;
        system_dialog(title).await;
        if let Some(name) = screenshot {
            self.screenshot_screen(name);
        }
        xdotool(&["key", "--clearmodifiers", "ctrl+l"]);
        type_path(&file.display().to_string());
        enter_until_closed(title).await;
    }

    /// Clicks `button`, which opens the system's save dialog titled `title`, and saves
    /// as the dialog suggests (`None`: Enter) or at `file` (typed over the suggested
    /// name, then Enter).
    pub async fn save_in_dialog(&self, button: &str, title: &str, file: Option<&Path>) {
        self.click(button).await;
        system_dialog(title).await;
        if let Some(file) = file {
            xdotool(&["key", "--clearmodifiers", "ctrl+a"]);
            type_path(&file.display().to_string());
        }
        enter_until_closed(title).await;
    }

    /// Clicks `button`, which opens the system's dialog titled `title`, and closes it
    /// with Escape, as a user who changed their mind.
    pub async fn cancel_dialog(&self, button: &str, title: &str) {
        self.click(button).await;
        system_dialog(title).await;
        xdotool(&["key", "Escape"]);
        dialog_closed(title).await;
    }

    /// Saves a screenshot of the whole screen (the window and any system dialog over
    /// it), which WebDriver's screenshots of the page do not show.
    pub fn screenshot_screen(&self, name: &str) {
        let path = self.screenshots.join(format!("{name}.png"));
        let status = std::process::Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .status()
            .expect("ImageMagick's import runs");
        assert!(status.success(), "screenshot of the screen {name}");
    }

    /// The text of the first element matching `css`, once it appears.
    pub async fn text_of(&self, css: &str) -> String {
        self.wait_for(css)
            .await
            .text()
            .await
            .unwrap_or_else(|error| panic!("text of {css}: {error}"))
    }

    pub async fn value_of(&self, name: &str) -> String {
        let input = self.wait_for(&format!("[name='{name}']")).await;
        input.prop("value").await.ok().flatten().unwrap_or_default()
    }

    /// Saves a screenshot, after two animation frames so that what the DOM holds now
    /// has been painted.
    pub async fn screenshot(&self, name: &str) {
        let after_paint = "const done = arguments[arguments.length - 1]; \
                           requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.client
            .execute_async(after_paint, Vec::new())
            .await
            .unwrap_or_else(|error| panic!("waiting for a paint before {name}: {error:?}"));
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|error| panic!("screenshot {name}: {error}"));
        std::fs::write(self.screenshots.join(format!("{name}.png")), png)
            .expect("write screenshot");
    }

    /// Scrolls the page back to its top (before a screenshot of a long page's head).
    pub async fn scroll_to_top(&self) {
        self.client
            .execute(
                "window.scrollTo(0, 0); document.querySelector('main')?.scrollTo?.(0, 0);",
                Vec::new(),
            )
            .await
            .unwrap_or_else(|error| panic!("scroll to the top: {error:?}"));
    }

    /// Scrolls the first element matching `css` to the middle of the window (before a
    /// screenshot of something further down a page).
    pub async fn scroll_into_view(&self, css: &str) {
        self.wait_for(css).await;
        self.client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
                vec![serde_json::Value::from(css)],
            )
            .await
            .unwrap_or_else(|error| panic!("scroll {css} into view: {error:?}"));
    }

    /// Ends the session, which closes the app.
    pub async fn quit(self) {
        self.client.close().await.expect("the app closes");
    }
}

/// Runs xdotool (on the display the tests run on) and says what it printed.
fn xdotool(args: &[&str]) -> String {
    let output = std::process::Command::new("xdotool")
        .args(args)
        .output()
        .expect("xdotool runs (scripts/setup.sh installs it)");
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// Waits for the system dialog titled `title` and gives it the keyboard (there is no
/// window manager under Xvfb to focus it).
async fn system_dialog(title: &str) {
    let pattern = format!("^{title}$");
    for _ in 0..300 {
        let found = xdotool(&["search", "--onlyvisible", "--name", &pattern]);
        if let Some(window) = found.lines().last() {
            xdotool(&["windowfocus", "--sync", window]);
            // The dialog takes keys once GTK has mapped and focused its entry.
            tokio::time::sleep(Duration::from_millis(300)).await;
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no system dialog titled “{title}” appeared");
}

async fn dialog_closed(title: &str) {
    let pattern = format!("^{title}$");
    for _ in 0..300 {
        if xdotool(&["search", "--onlyvisible", "--name", &pattern]).is_empty() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // What the dialog shows says why: the screen is kept beside the screenshots.
    let stuck = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/e2e-screenshots/dialog-left-open.png");
    let _ = std::process::Command::new("import")
        .args(["-window", "root"])
        .arg(&stuck)
        .status();
    panic!(
        "the system dialog titled “{title}” stayed open (the screen: {})",
        stuck.display()
    );
}

/// Types into the focused window as a keyboard does (XTEST: GTK ignores keys sent to a
/// window directly).
fn type_path(text: &str) {
    xdotool(&["type", "--delay", "15", text]);
}

/// Presses Enter in the dialog titled `title` until it closes: GTK's chooser ignores an
/// Enter on a typed path until it has read the path's folder, which takes a moment.
async fn enter_until_closed(title: &str) {
    let pattern = format!("^{title}$");
    for _ in 0..10 {
        if xdotool(&["search", "--onlyvisible", "--name", &pattern]).is_empty() {
            return;
        }
        xdotool(&["key", "Return"]);
        for _ in 0..10 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            if xdotool(&["search", "--onlyvisible", "--name", &pattern]).is_empty() {
                return;
            }
        }
    }
    dialog_closed(title).await;
}

fn xpath_literal(text: &str) -> String {
    if text.contains('\'') {
        format!("\"{text}\"")
    } else {
        format!("'{text}'")
    }
}
