//! Rules shared by every piece of free text a user types.

/// Characters that reorder how text is displayed (the "Trojan Source" set).
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Why a piece of free text was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TextProblem {
    TooLong { max: usize, chars: usize },
    Invalid,
}

impl TextProblem {
    pub(crate) fn message(&self) -> String {
        match self {
            Self::TooLong { max, chars } => format!("at most {max} characters (this has {chars})"),
            Self::Invalid => "contains control or invisible text-direction characters".to_owned(),
        }
    }
}

/// Whether `text` has no control characters (but line breaks and tabs where
/// `multiline`) and no invisible text-direction characters: what every stored piece of
/// free text satisfies, for checking text that did not come through a form.
pub fn is_clean_text(text: &str, multiline: bool) -> bool {
    let allowed = |c: char| multiline && (c == '\n' || c == '\t');
    !text
        .chars()
        .any(|c| (c.is_control() && !allowed(c)) || is_bidi_control(c))
}

/// `input` trimmed, with Windows line ends made `\n`, if it has at most `max`
/// characters and no control or text-direction characters (line breaks and tabs are
/// allowed in `multiline` text).
pub(crate) fn checked_text(
    input: &str,
    max: usize,
    multiline: bool,
) -> Result<String, TextProblem> {
    let trimmed = input.trim();
    let value = if trimmed.contains('\r') {
        trimmed.replace("\r\n", "\n")
    } else {
        trimmed.to_owned()
    };
    let chars = value.chars().count();
    if chars > max {
        return Err(TextProblem::TooLong { max, chars });
    }
    if !is_clean_text(&value, multiline) {
        return Err(TextProblem::Invalid);
    }
    Ok(value)
}
