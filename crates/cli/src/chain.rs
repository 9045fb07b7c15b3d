//! `saleguard network`, `sale contract`, `hw`, `contribute`, `refund` and `tx`: what
//! reaches a chain.

use std::process::ExitCode;

use saleguard_app::accounts::hardware::{
    AddHardwareAccount, HardwareAddressesInput, HardwarePathInput, HardwareWallet,
};
use saleguard_app::chain::allowances::RevokeInput;
use saleguard_app::chain::networks::NetworkInput;
use saleguard_app::chain::plans::{ActInput, ContributionInput, RefundInput, TransactionPlan};
use saleguard_app::chain::replacements::{ReplaceInput, Replacement};
use saleguard_app::chain::transactions::{FOLLOW_INTERVAL, TransactionView, TxProgress, TxStatus};
use saleguard_app::dto::ListOrder;
use saleguard_app::review::Verdict;
use saleguard_app::sales::contract_terms::ContractTermsInput;
use saleguard_app::{AppError, ErrorCode, Saleguard};

use crate::args::{
    ActArgs, AllowanceCommand, DeviceChoice, HwCommand, NetworkCommand, NetworkFields, SigningArgs,
    TxCommand,
};
use crate::confirm;
use crate::output::{Output, TRANSACTION_LIST};

/// Runs `future` to completion on a runtime of its own: the node is the only thing the
/// CLI waits on.
pub(crate) fn block_on<T>(future: impl std::future::Future<Output = T>) -> Result<T, AppError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| {
            AppError::new(ErrorCode::Internal, format!("no async runtime: {error}"))
        })?;
    Ok(runtime.block_on(future))
}

pub fn network(app: &Saleguard, command: NetworkCommand, output: &Output) -> Result<(), AppError> {
    match command {
        NetworkCommand::List => output.networks(&app.networks()?),
        NetworkCommand::Set(fields) => {
            let chain_id = fields.chain_id;
            let start = match app.network_draft(chain_id) {
                Err(error) if error.code == ErrorCode::NetworkNotFound => NetworkInput {
                    chain_id: chain_id.to_string(),
                    native_decimals: "18".to_owned(),
                    confirmations: "1".to_owned(),
                    ..NetworkInput::default()
                },
                other => other?,
            };
            let check = !fields.no_check;
            let draft = fields.apply(start)?;
            let saved = if check {
                block_on(app.save_network_checked(&draft))??
            } else {
                app.save_network(&draft)?
            };
            if !check && saved.rpc_host.is_some() {
                output.note(&format!(
                    "Saved without asking the node which chain it serves (--no-check): run `saleguard network check {}` once it is online.",
                    saved.chain_id
                ));
            }
            output.networks(&[saved]);
        }
        NetworkCommand::Rm { chain_id } => {
            app.remove_network(chain_id)?;
            output.removed("network", i64::try_from(chain_id).unwrap_or(i64::MAX));
        }
        NetworkCommand::Check { chain_id } => {
            output.network_check(&block_on(app.check_network(chain_id))??);
        }
    }
    Ok(())
}

/// Hardware wallets. A refusal on the device exits 1; other failures 2.
pub fn hardware(
    app: &Saleguard,
    command: HwCommand,
    output: &Output,
) -> Result<ExitCode, AppError> {
    // One runtime for the whole command: a device connected on one runtime cannot be
    // used from another.
    let result = block_on(async {
        match command {
            HwCommand::List => app
                .hardware_devices()
                .await
                .map(|devices| output.hardware_devices(&devices)),
            HwCommand::Addresses {
                device,
                scheme,
                start,
                count,
            } => {
                let wallet = wallet_of(app, device).await?;
                app.hardware_addresses(&HardwareAddressesInput {
                    wallet,
                    scheme,
                    start,
                    count,
                })
                .await
                .map(|addresses| output.hardware_addresses(&addresses))
            }
            HwCommand::Verify { path, device } => {
                let wallet = wallet_of(app, device).await?;
                output.note(&format!(
                    "Compare the address on your {}'s screen ({path}) and confirm it there…",
                    wallet_name(&wallet)
                ));
                app.verify_hardware_address(&HardwarePathInput { wallet, path })
                    .await
                    .map(|address| output.verified_address(&address))
            }
            HwCommand::Add {
                path,
                address,
                label,
                device,
            } => {
                let wallet = wallet_of(app, device).await?;
                app.add_hardware_account(&AddHardwareAccount {
                    label,
                    wallet,
                    path,
                    address,
                })
                .await
                .map(|account| output.account(&account, "Added"))
            }
        }
    })
    .and_then(|done| done);
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(error) => {
            output.error(&error);
            Ok(failure_status(&error))
        }
    }
}

/// The wallet named with `--wallet`, or else the one connected when only one is.
async fn wallet_of(app: &Saleguard, choice: DeviceChoice) -> Result<String, AppError> {
    if let Some(wallet) = choice.wallet {
        return Ok(wallet);
    }
    let devices = app.hardware_devices().await?;
    let mut wallets: Vec<String> = devices.into_iter().map(|device| device.wallet).collect();
    wallets.dedup();
    match wallets.as_slice() {
        [wallet] => Ok(wallet.clone()),
        [] => Err(AppError::new(
            ErrorCode::DeviceNotFound,
            "no hardware wallet found: connect your Ledger or Trezor and unlock it (a Ledger with the Ethereum app open)",
        )),
        _ => Err(AppError::at_field(
            "wallet",
            ErrorCode::Required,
            "a Ledger and a Trezor are both connected: choose one with --wallet ledger or --wallet trezor",
        )),
    }
}

/// The wallet as typed, in words ("Trezor").
fn wallet_name(wallet: &str) -> &'static str {
    HardwareWallet::parse(wallet).map_or("hardware wallet", HardwareWallet::name)
}

impl NetworkFields {
    /// The draft with the options given replacing its fields; the RPC URL read from a
    /// hidden prompt or standard input with `--rpc-url-stdin`.
    fn apply(self, mut draft: NetworkInput) -> Result<NetworkInput, AppError> {
        let set = |field: &mut String, value: Option<String>| {
            if let Some(value) = value {
                *field = value;
            }
        };
        set(&mut draft.name, self.name);
        set(&mut draft.native_symbol, self.symbol);
        set(&mut draft.native_decimals, self.decimals);
        set(&mut draft.rpc_url, self.rpc_url);
        if self.rpc_url_stdin {
            let typed = crate::accounts::read_secret("Your node's RPC URL (not shown): ")?;
            draft.rpc_url = typed.trim().to_owned();
        }
        set(&mut draft.explorer_url, self.explorer_url);
        set(&mut draft.confirmations, self.confirmations);
        Ok(draft)
    }
}

/// Shows a sale's token on chain, or sets it.
pub fn contract(
    app: &Saleguard,
    sale: i64,
    token: Option<String>,
    output: &Output,
) -> Result<(), AppError> {
    let Some(token_address) = token else {
        output.contract_terms(sale, &app.contract_terms(sale)?, "");
        return Ok(());
    };
    let input = ContractTermsInput { token_address };
    output.contract_terms(sale, &app.set_contract_terms(sale, &input)?, "Saved");
    Ok(())
}

/// What a plan, a submission or a watch ended in, as an exit status.
fn exit_of(result: Result<ExitCode, AppError>, output: &Output) -> ExitCode {
    result.unwrap_or_else(|error| {
        output.error(&error);
        failure_status(&error)
    })
}

/// The exit status of a command that talks to the network or a device and failed: 1
/// when something said no (the review blocks, or the user rejected on the device: the
/// same in every command), 2 when the input was refused or the node or device could not
/// be used.
fn failure_status(error: &AppError) -> ExitCode {
    match error.code {
        ErrorCode::ReviewBlocked | ErrorCode::NotOverridable | ErrorCode::DeviceRejected => {
            ExitCode::from(1)
        }
        _ => ExitCode::from(2),
    }
}

/// Plans (and, unless `--dry-run`, signs, sends and follows) a contribution.
pub fn contribute(
    app: &Saleguard,
    input: &ContributionInput,
    signing: &SigningArgs,
    output: &Output,
) -> ExitCode {
    let result = block_on(async {
        if signing.dry_run {
            return dry_run(app.plan_contribution(input).await?, output);
        }
        submit_action(app, &input.into(), signing, output).await
    });
    exit_of(result.and_then(|r| r), output)
}

/// Plans (and, unless `--dry-run`, signs, sends and follows) a refund claim.
pub fn refund(
    app: &Saleguard,
    input: &RefundInput,
    signing: &SigningArgs,
    output: &Output,
) -> ExitCode {
    let result = block_on(async {
        if signing.dry_run {
            return dry_run(app.plan_refund(input).await?, output);
        }
        let plan = app.prepare_refund(input).await?;
        submit(app, plan, signing, output).await
    });
    exit_of(result.and_then(|r| r), output)
}

/// Plans (and, unless `--dry-run`, signs, sends and follows) the sale's action named
/// in `act`.
pub fn act(app: &Saleguard, act: &ActArgs, output: &Output) -> ExitCode {
    let signing = &act.signing;
    let result = (|| {
        let typed = ActInput {
            participation_id: act.participation,
            account_id: act.from,
            amount: act.amount.clone().unwrap_or_default(),
            token_amount: act.token_amount.clone().unwrap_or_default(),
            arguments: crate::actions::argument_values(&act.arguments)?,
            fee_speed: signing.fee.into(),
            ..ActInput::default()
        };
        let input = app.choose_action(act.participation, &act.action, typed)?;
        block_on(async {
            if signing.dry_run {
                return dry_run(app.plan_action(&input).await?, output);
            }
            submit_action(app, &input, signing, output).await
        })?
    })();
    exit_of(result, output)
}

fn dry_run(plan: TransactionPlan, output: &Output) -> Result<ExitCode, AppError> {
    output.transaction_plan(&plan);
    Ok(if plan.review.verdict == Verdict::Blocked {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Plans `input` and submits it. A contribution that waits for an approval submits the
/// approval first and, once it is confirmed, plans the contribution again and submits
/// that: each is shown, asked for and signed on its own.
async fn submit_action(
    app: &Saleguard,
    input: &ActInput,
    signing: &SigningArgs,
    output: &Output,
) -> Result<ExitCode, AppError> {
    let plan = app.prepare_action(input).await?;
    let Some(approval) = plan.payment.as_ref().and_then(|p| p.approval.as_deref()) else {
        return submit(app, plan, signing, output).await;
    };
    output.transaction_plan(&plan);
    let approved = sign_and_follow(app, approval, signing, output).await?;
    if approved != ExitCode::SUCCESS {
        output.note("The approval did not go through: the contribution was not planned.");
        return Ok(approved);
    }
    output.note("The approval is confirmed: the contribution is planned again.");
    let plan = app.prepare_action(input).await?;
    if plan.payment.as_ref().is_some_and(|p| p.approval.is_some()) {
        return Err(AppError::new(
            ErrorCode::ReviewOutdated,
            "the sale still may not take the contribution after the approval: nothing more was signed",
        ));
    }
    submit(app, plan, signing, output).await
}

/// Shows the plan, asks, signs, sends and follows to the end.
async fn submit(
    app: &Saleguard,
    plan: TransactionPlan,
    signing: &SigningArgs,
    output: &Output,
) -> Result<ExitCode, AppError> {
    output.transaction_plan(&plan);
    sign_and_follow(app, &plan, signing, output).await
}

/// Asks, signs, sends and follows a shown plan to the end.
async fn sign_and_follow(
    app: &Saleguard,
    plan: &TransactionPlan,
    signing: &SigningArgs,
    output: &Output,
) -> Result<ExitCode, AppError> {
    let Some(draft) = plan.draft_id.as_deref() else {
        // The node says the call fails: not even an override can make it succeed.
        return Ok(ExitCode::from(1));
    };
    if plan.review.verdict == Verdict::Blocked && signing.override_reason.is_none() {
        app.abandon_transaction(draft, "the review blocks it")?;
        output.note("The review blocks this transaction: nothing was signed.");
        return Ok(ExitCode::from(1));
    }
    if !signing.yes
        && let Err(refused) = confirm(
            &format!(
                "Sign and send this {} with the account's key? [y/N] ",
                plan.purpose.words()
            ),
            "signing",
            "nothing was signed",
        )
    {
        app.abandon_transaction(draft, "not confirmed")?;
        return Err(refused);
    }
    let progress = |step: TxProgress| output.progress(&step);
    let sent = app
        .send_transaction(
            draft,
            signing.override_reason.as_deref(),
            &progress,
            std::future::pending(),
        )
        .await?;
    let done = app
        .follow_transaction(&sent.id, FOLLOW_INTERVAL, &progress, std::future::pending())
        .await?;
    output.transaction(&done);
    Ok(settled_status(&done))
}

fn settled_status(view: &TransactionView) -> ExitCode {
    if view.status == TxStatus::Confirmed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `tx status|watch|list`.
/// Plans (and, unless `--dry-run`, signs, sends and follows) a replacement of a stuck
/// transaction.
fn replace(
    app: &Saleguard,
    id: String,
    how: Replacement,
    signing: &SigningArgs,
    output: &Output,
) -> Result<ExitCode, AppError> {
    let input = ReplaceInput {
        transaction_id: id,
        how,
        fee_speed: signing.fee.into(),
    };
    block_on(async {
        if signing.dry_run {
            return dry_run(app.plan_replacement(&input).await?, output);
        }
        submit(app, app.prepare_replacement(&input).await?, signing, output).await
    })
    .and_then(|r| r)
}

/// Lists allowances, or revokes one (reviewed, signed and followed).
pub fn allowance(app: &Saleguard, command: AllowanceCommand, output: &Output) -> ExitCode {
    let result = match command {
        AllowanceCommand::List { participation } => block_on(async {
            output.allowances(&app.allowances(participation).await?);
            Ok(ExitCode::SUCCESS)
        })
        .and_then(|r| r),
        AllowanceCommand::Revoke {
            participation,
            from,
            spender,
            signing,
        } => {
            let input = RevokeInput {
                participation_id: participation,
                account_id: from,
                spender,
                fee_speed: signing.fee.into(),
            };
            block_on(async {
                if signing.dry_run {
                    return dry_run(app.plan_revoke(&input).await?, output);
                }
                submit(app, app.prepare_revoke(&input).await?, &signing, output).await
            })
            .and_then(|r| r)
        }
    };
    exit_of(result, output)
}

pub fn tx(app: &Saleguard, command: TxCommand, output: &Output) -> ExitCode {
    let result = match command {
        TxCommand::Status { id } => app.transaction(&id).map(|view| {
            output.transaction(&view);
            ExitCode::SUCCESS
        }),
        TxCommand::List { participation } => output
            .stream(
                &TRANSACTION_LIST,
                Box::new(|each| app.each_transaction(participation, ListOrder::OldestFirst, each)),
            )
            .map(|()| ExitCode::SUCCESS),
        TxCommand::SpeedUp { id, signing } => {
            replace(app, id, Replacement::SpeedUp, &signing, output)
        }
        TxCommand::Cancel { id, signing } => {
            replace(app, id, Replacement::Cancel, &signing, output)
        }
        TxCommand::Watch { id } => block_on(async {
            let progress = |step: TxProgress| output.progress(&step);
            let done = app
                .follow_transaction(&id, FOLLOW_INTERVAL, &progress, std::future::pending())
                .await?;
            output.transaction(&done);
            Ok(settled_status(&done))
        })
        .and_then(|r| r),
    };
    exit_of(result, output)
}
