//! A document fetched from a web address the user typed (a list of known scams): the
//! only request of this kind Saleguard makes, and only when the user asks. Bounded in
//! time and size; a redirect is named, not followed, so the user sees where a list
//! really comes from.

use std::time::Duration;

use url::Url;

use crate::{AppError, ErrorCode};

/// The largest document fetched.
pub(crate) const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;
/// How long the whole fetch may take.
const TIMEOUT: Duration = Duration::from_secs(120);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);

/// An `http(s)` address with a host, as typed; the field's error otherwise. An address
/// with a user, a query or a fragment is refused: those parts carry access keys, and
/// the address is kept in the database, exported and shown, where a key must never be.
pub(crate) fn checked_url(text: &str) -> Result<Url, AppError> {
    let refused = || {
        AppError::at_field(
            "url",
            ErrorCode::InvalidUrl,
            "an http(s) address, e.g. https://example.org/scam-list.csv",
        )
    };
    let url = Url::parse(text.trim()).map_err(|_| refused())?;
    if url.query().is_some() || url.fragment().is_some() {
        return Err(AppError::at_field(
            "url",
            ErrorCode::InvalidUrl,
            "an address with a query (?…) or a fragment (#…) may carry an access key, which Saleguard would keep in its database: use the list's plain address",
        ));
    }
    let web = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some_and(|host| !host.is_empty())
        && url.username().is_empty()
        && url.password().is_none();
    if web && text.trim().len() <= 2000 {
        Ok(url)
    } else {
        Err(refused())
    }
}

fn failed(message: String) -> AppError {
    AppError::new(ErrorCode::DownloadFailed, message)
}

/// The host and port in words, for messages (the path may carry a token: not logged).
fn host(url: &Url) -> String {
    match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_owned(),
    }
}

/// The body at `url`, at most `max_bytes` of it.
pub(crate) async fn download(url: &Url, max_bytes: usize) -> Result<Vec<u8>, AppError> {
    let host = host(url);
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .connect_timeout(CONNECT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|error| failed(format!("could not prepare a request to {host}: {error}")))?;
    let unreachable = |error: reqwest::Error| {
        if error.is_timeout() {
            failed(format!(
                "{host} did not answer within {} s",
                TIMEOUT.as_secs()
            ))
        } else {
            failed(format!("could not reach {host}: {}", error.without_url()))
        }
    };
    let mut response = client.get(url.clone()).send().await.map_err(unreachable)?;
    let status = response.status();
    if status.is_redirection() {
        let to = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|location| location.to_str().ok())
            .and_then(|location| url.join(location).ok())
            .map_or_else(|| "elsewhere".to_owned(), |to| to.to_string());
        return Err(failed(format!(
            "{host} sent the list elsewhere ({status}): if you trust it, import it from {to}"
        )));
    }
    if !status.is_success() {
        return Err(failed(format!("{host} answered {status}")));
    }
    let too_large = || {
        failed(format!(
            "the document at {host} is larger than {} MB, more than a list of known scams needs",
            max_bytes / (1024 * 1024)
        ))
    };
    if response
        .content_length()
        .is_some_and(|length| length > max_bytes as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(unreachable)? {
        if body.len() + chunk.len() > max_bytes {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_with_a_host_are_taken() {
        assert!(checked_url(" https://lists.example/scams.csv ").is_ok());
        assert!(checked_url("http://127.0.0.1:8080/list.json").is_ok());
        for refused in [
            "",
            // A query or a fragment may carry a key, which would be kept in the database.
            "http://127.0.0.1:8080/list.json?v=2",
            "https://lists.example/x#token",
            "lists.example/scams.csv",
            "file:///etc/passwd",
            "ftp://lists.example/x",
            "https://user:secret@lists.example/x",
            "javascript:alert(1)",
        ] {
            let error = checked_url(refused).expect_err(refused);
            assert_eq!(error.code, ErrorCode::InvalidUrl, "{refused}");
            assert_eq!(error.field.as_deref(), Some("url"));
        }
        let long = format!("https://lists.example/{}", "a".repeat(2000));
        assert!(checked_url(&long).is_err());
    }
}
