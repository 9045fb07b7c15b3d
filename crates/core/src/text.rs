//! Rules shared by every piece of free text a user types.

/// Characters that reorder how text is displayed (the "Trojan Source" set).
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
