//! A sale's token on chain: the contract whose transfers to the user are its deliveries. (How
//! the sale is paid and claimed from are its actions: [`super::actions`].)

use saleguard_core::address::AddressError;
use saleguard_core::sale::SaleId;
use saleguard_core::transaction::{ContractTerms, ContractTermsDraft, ContractTermsProblem};

use crate::{AppError, ErrorCode, FieldError, Saleguard};

pub use saleguard_core::transaction::ContractTermsDraft as ContractTermsInput;

fn contract_problem(problem: ContractTermsProblem) -> FieldError {
    let code = match &problem {
        ContractTermsProblem::TokenAddress(AddressError::BadChecksum) => ErrorCode::BadChecksum,
        ContractTermsProblem::TokenAddress(_) => ErrorCode::InvalidAddress,
    };
    FieldError {
        field: problem.field().to_owned(),
        code,
        message: problem.message(),
    }
}

impl Saleguard {
    /// The sale's token on chain, as an edit form starts from.
    pub fn contract_terms(&self, sale_id: i64) -> Result<ContractTermsDraft, AppError> {
        let store = self.store()?;
        let sale = store.sale(SaleId(sale_id))?;
        Ok(store.contract_terms(sale.id)?.to_draft())
    }

    pub fn set_contract_terms(
        &self,
        sale_id: i64,
        input: &ContractTermsDraft,
    ) -> Result<ContractTermsDraft, AppError> {
        let mut store = self.store()?;
        let sale = store.sale(SaleId(sale_id))?;
        let terms = ContractTerms::from_draft(input).map_err(|problems| {
            AppError::refused(problems.into_iter().map(contract_problem).collect())
        })?;
        store.set_contract_terms(sale.id, &terms, self.clock.now())?;
        tracing::info!(sale = sale_id, "contract terms set");
        Ok(terms.to_draft())
    }
}
