//! Lowercased words without a heap allocation.
//!
//! The stage compares lowercased tokens with its lexicons many times per
//! capitalized word (function word? title? particle?); `str::to_lowercase`
//! allocates a `String` each time. Nearly every news word is short ASCII: it
//! is lowercased into a buffer on the stack, a word already lowercase is
//! borrowed, and only long or non-ASCII words fall back to a `String`.

use std::ops::Deref;

/// Longest word lowercased on the stack.
const INLINE: usize = 32;

/// A lowercased word: borrowed, inline or owned.
pub enum Lower<'a> {
    /// The word had no uppercase letter.
    Borrowed(&'a str),
    /// Short ASCII word, lowercased in place: bytes and length.
    Inline([u8; INLINE], u8),
    /// Anything else.
    Owned(String),
}

/// `s` lowercased (Unicode lowercasing for non-ASCII words).
pub fn lower(s: &str) -> Lower<'_> {
    if s.is_ascii() {
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower::Borrowed(s);
        }
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            for (d, b) in buf.iter_mut().zip(s.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            return Lower::Inline(buf, s.len() as u8);
        }
    }
    Lower::Owned(s.to_lowercase())
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // Lowercased ASCII stays ASCII, so this never fails.
            Lower::Inline(buf, n) => buf
                .get(..usize::from(*n))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Lower::Owned(s) => s,
        }
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_every_shape() {
        assert_eq!(&*lower("Kyiv"), "kyiv");
        assert_eq!(&*lower("the"), "the");
        assert!(matches!(lower("the"), Lower::Borrowed(_)));
        assert!(matches!(lower("THE"), Lower::Inline(..)));
        assert_eq!(&*lower("ÉLYSÉE"), "élysée");
        let long = "A".repeat(40);
        assert_eq!(&*lower(&long), "a".repeat(40));
        assert!(lower("President") == "president");
    }
}
