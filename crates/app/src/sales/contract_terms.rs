//! How a sale takes contributions on chain: a plain transfer, a payable call to the
//! sale's contract, or an ERC-20 transfer; the refund call and the sale's token.

use saleguard_core::address::AddressError;
use saleguard_core::sale::SaleId;
use saleguard_core::transaction::{
    ContractTerms, ContractTermsDraft, ContractTermsProblem, SignatureProblem,
};

use crate::{AppError, ErrorCode, FieldError, Saleguard};

pub use saleguard_core::transaction::ContractTermsDraft as ContractTermsInput;

fn contract_problem(problem: ContractTermsProblem) -> FieldError {
    let code = match &problem {
        ContractTermsProblem::ContributionCall(SignatureProblem::TooLong)
        | ContractTermsProblem::RefundCall(SignatureProblem::TooLong) => ErrorCode::TooLong,
        ContractTermsProblem::ContributionCall(_)
        | ContractTermsProblem::RefundCall(_)
        | ContractTermsProblem::CallWithTokenCurrency => ErrorCode::InvalidCall,
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
    /// How the sale takes contributions on chain, as an edit form starts from.
    pub fn contract_terms(&self, sale_id: i64) -> Result<ContractTermsDraft, AppError> {
        let store = self.store()?;
        let sale = store.sale(SaleId(sale_id))?;
        Ok(store.contract_terms(sale.id, &sale.terms)?.to_draft())
    }

    pub fn set_contract_terms(
        &self,
        sale_id: i64,
        input: &ContractTermsDraft,
    ) -> Result<ContractTermsDraft, AppError> {
        let mut store = self.store()?;
        let sale = store.sale(SaleId(sale_id))?;
        let terms = ContractTerms::from_draft(input, &sale.terms).map_err(|problems| {
            AppError::refused(problems.into_iter().map(contract_problem).collect())
        })?;
        store.set_contract_terms(sale.id, &terms, self.clock.now())?;
        tracing::info!(sale = sale_id, "contract terms set");
        Ok(terms.to_draft())
    }
}
