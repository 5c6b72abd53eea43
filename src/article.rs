//! The input model and its decoding from a Kafka record or a file line.
//!
//! A value is either a JSON object
//! `{id?, published_at?, title?, body | text, url?, source?, language?}` or raw
//! UTF-8 text that may open with a header line such as `date 2025-02-20`
//! (leading whitespace allowed; the body may follow on the same line). Anything
//! that cannot become an [`Article`] is a [`DecodeError`] whose
//! [`reason`](DecodeError::reason) labels the dead-letter record and the metric.

use chrono::NaiveDate;
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// Default cap on the size of one input value (1 MiB).
pub const DEFAULT_MAX_BYTES: usize = 1 << 20;

/// One raw article, decoded and validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable id: from the input, else the record key, else a content hash.
    pub id: String,
    /// Publication date: the anchor for relative dates ("last week").
    pub published_at: Option<NaiveDate>,
    /// Headline, kept apart from the body so body offsets stay as sent.
    pub title: Option<String>,
    /// The text every offset refers to (after any `date` header is removed).
    pub body: String,
    /// Source URL, passed through.
    pub url: Option<String>,
    /// Publisher or feed, passed through.
    pub source: Option<String>,
    /// Language tag, passed through.
    pub language: Option<String>,
}

impl Article {
    /// An article of just an id, a publication date and a body (tests,
    /// fuzzing and benches build articles this way).
    pub fn from_body(id: &str, published_at: Option<NaiveDate>, body: String) -> Article {
        Article {
            id: id.to_string(),
            published_at,
            title: None,
            body,
            url: None,
            source: None,
            language: None,
        }
    }
}

/// Why a value could not be decoded. Each is dead-lettered, never dropped.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The value is larger than the configured limit.
    #[error("value of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Size of the value.
        size: usize,
        /// Configured limit.
        limit: usize,
    },
    /// The value is not valid UTF-8.
    #[error("value is not valid UTF-8: {0}")]
    InvalidUtf8(String),
    /// The value looks like JSON but does not parse as an article object.
    #[error("value is not a valid JSON article: {0}")]
    InvalidJson(String),
    /// A JSON article without `body` or `text`.
    #[error("JSON article has no `body` or `text` field")]
    MissingBody,
    /// The body is empty or only whitespace.
    #[error("article body is empty")]
    EmptyBody,
    /// `published_at` (field, header or `date` line) is not a date.
    #[error("published_at {0:?} is not an ISO 8601 date")]
    InvalidPublishedAt(String),
}

impl DecodeError {
    /// Short stable label: metric label value and `byline.error.reason` header.
    pub fn reason(&self) -> &'static str {
        match self {
            DecodeError::TooLarge { .. } => "too_large",
            DecodeError::InvalidUtf8(_) => "invalid_utf8",
            DecodeError::InvalidJson(_) => "invalid_json",
            DecodeError::MissingBody => "missing_body",
            DecodeError::EmptyBody => "empty_body",
            DecodeError::InvalidPublishedAt(_) => "invalid_published_at",
        }
    }

    /// Every reason label, for pre-registering metric series at zero.
    pub const REASONS: [&'static str; 6] = [
        "too_large",
        "invalid_utf8",
        "invalid_json",
        "missing_body",
        "empty_body",
        "invalid_published_at",
    ];
}

/// What the decoder may use besides the value itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct RecordContext<'a> {
    /// The record key: the id when the value has none.
    pub key: Option<&'a [u8]>,
    /// A `published_at` header value, used when the value has none.
    pub published_at: Option<&'a [u8]>,
}

#[derive(Deserialize)]
struct JsonArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    published_at: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    language: Option<String>,
}

/// Decode one value into an article.
pub fn decode(
    value: &[u8],
    ctx: RecordContext<'_>,
    max_bytes: usize,
) -> Result<Article, DecodeError> {
    if value.len() > max_bytes {
        return Err(DecodeError::TooLarge {
            size: value.len(),
            limit: max_bytes,
        });
    }
    let s = std::str::from_utf8(value).map_err(|e| DecodeError::InvalidUtf8(e.to_string()))?;
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    let trimmed = s.trim_start();
    let key_id = ctx
        .key
        .and_then(|k| std::str::from_utf8(k).ok())
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string);
    let header_date = ctx
        .published_at
        .map(|h| String::from_utf8_lossy(h).into_owned());

    if trimmed.starts_with('{') {
        let j: JsonArticle =
            serde_json::from_str(trimmed).map_err(|e| DecodeError::InvalidJson(e.to_string()))?;
        let body = j.body.or(j.text).ok_or(DecodeError::MissingBody)?;
        if body.trim().is_empty() {
            return Err(DecodeError::EmptyBody);
        }
        let id = match j.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let published_at = match j.published_at.or(header_date) {
            Some(p) if !p.trim().is_empty() => Some(parse_date(&p)?),
            _ => None,
        };
        return Ok(Article {
            id: id.or(key_id).unwrap_or_else(|| content_id(&body)),
            published_at,
            title: j.title,
            body,
            url: j.url,
            source: j.source,
            language: j.language,
        });
    }

    let (header, body) = split_date_header(s);
    if body.trim().is_empty() {
        return Err(DecodeError::EmptyBody);
    }
    let published_at = match header.map(str::to_string).or(header_date) {
        Some(p) => Some(parse_date(&p)?),
        None => None,
    };
    let id = key_id.unwrap_or_else(|| content_id(body));
    Ok(Article::from_body(&id, published_at, body.to_string()))
}

/// Split a leading `date YYYY-MM-DD` header (case-insensitive `date`,
/// optional `:`) from raw text. Returns the date text and the body after it:
/// the rest of the header's line when text follows on it, otherwise the next
/// line on.
pub fn split_date_header(s: &str) -> (Option<&str>, &str) {
    let t = s.trim_start();
    let Some(head) = t.get(..4) else {
        return (None, s);
    };
    if !head.eq_ignore_ascii_case("date") {
        return (None, s);
    }
    let rest = &t[4..];
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    if !rest.starts_with([' ', '\t', ':']) {
        return (None, s);
    }
    let rest = rest.trim_start_matches([' ', '\t', ':']);
    let date_len = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let date = &rest[..date_len];
    if !looks_like_date(date) {
        return (None, s);
    }
    let after = &rest[date_len..];
    // Body on the same line, or from the next line on.
    let after_line = after.trim_start_matches([' ', '\t']);
    let body = if let Some(stripped) = after_line.strip_prefix("\r\n") {
        stripped
    } else if let Some(stripped) = after_line.strip_prefix('\n') {
        stripped
    } else {
        after_line
    };
    (Some(date), body)
}

fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[7] == b'-'
}

/// Parse `YYYY-MM-DD`, or the date part of an RFC 3339 timestamp.
pub fn parse_date(s: &str) -> Result<NaiveDate, DecodeError> {
    let t = s.trim();
    let head = t.get(..10).unwrap_or(t);
    let rest_ok = t.len() == 10
        || t.as_bytes()
            .get(10)
            .is_some_and(|c| matches!(c, b'T' | b't' | b' '));
    match NaiveDate::parse_from_str(head, "%Y-%m-%d") {
        Ok(d) if rest_ok => Ok(d),
        _ => Err(DecodeError::InvalidPublishedAt(
            t.chars().take(64).collect(),
        )),
    }
}

/// Id for an article that came with none: a hash of its body, so a replay
/// of the same text gets the same id.
pub fn content_id(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    let mut out = String::from("sha256:");
    crate::push_hex(&mut out, &digest[..12]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: &str) -> Result<Article, DecodeError> {
        decode(v.as_bytes(), RecordContext::default(), DEFAULT_MAX_BYTES)
    }

    #[test]
    fn raw_text_with_header_on_own_line() {
        let a = d("date 2025-02-20\nThe US President spoke.").unwrap();
        assert_eq!(a.published_at, NaiveDate::from_ymd_opt(2025, 2, 20));
        assert_eq!(a.body, "The US President spoke.");
        assert!(a.id.starts_with("sha256:"));
    }

    #[test]
    fn raw_text_header_with_leading_whitespace_and_same_line_body() {
        let a = d("  \n date 2025-02-20 The US President spoke.").unwrap();
        assert_eq!(a.body, "The US President spoke.");
        assert_eq!(a.published_at, NaiveDate::from_ymd_opt(2025, 2, 20));
    }

    #[test]
    fn raw_text_without_header_keeps_everything() {
        let a = d("Dates matter. date 2025 is not a header").unwrap();
        assert_eq!(a.body, "Dates matter. date 2025 is not a header");
        assert_eq!(a.published_at, None);
    }

    #[test]
    fn json_with_text_field_and_key_as_id() {
        let ctx = RecordContext {
            key: Some(b"k-7"),
            published_at: Some(b"2024-01-02T10:00:00Z"),
        };
        let a = decode(br#"{"text":"Hello there.","title":"T"}"#, ctx, 100).unwrap();
        assert_eq!(a.id, "k-7");
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.published_at, NaiveDate::from_ymd_opt(2024, 1, 2));
    }

    #[test]
    fn json_id_wins_over_key_and_numbers_are_ids() {
        let ctx = RecordContext {
            key: Some(b"k"),
            published_at: None,
        };
        let a = decode(br#"{"id":42,"body":"x y"}"#, ctx, 100).unwrap();
        assert_eq!(a.id, "42");
    }

    #[test]
    fn every_bad_input_has_its_reason() {
        assert_eq!(
            decode(b"\xff\xfe", RecordContext::default(), 10)
                .unwrap_err()
                .reason(),
            "invalid_utf8"
        );
        assert_eq!(
            decode(b"0123456789ab", RecordContext::default(), 10)
                .unwrap_err()
                .reason(),
            "too_large"
        );
        assert_eq!(d("   \n ").unwrap_err().reason(), "empty_body");
        assert_eq!(d("date 2025-02-20\n  ").unwrap_err().reason(), "empty_body");
        assert_eq!(d(r#"{"title":"x"}"#).unwrap_err().reason(), "missing_body");
        assert_eq!(d(r#"{"body": "#).unwrap_err().reason(), "invalid_json");
        assert_eq!(d(r#"{"body":"  "}"#).unwrap_err().reason(), "empty_body");
        assert_eq!(
            d(r#"{"body":"x","published_at":"yesterday"}"#)
                .unwrap_err()
                .reason(),
            "invalid_published_at"
        );
        assert_eq!(
            d("date 2025-13-45\nbody").unwrap_err().reason(),
            "invalid_published_at"
        );
    }
}
