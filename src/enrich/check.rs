//! Invariants every enrichment must satisfy, checked by tests, property tests
//! and fuzz targets (never on the hot path).
//!
//! - every span lies inside the body, `start < end`, and
//!   `body.chars()[start..end] == text` (code-point offsets);
//! - every date value is well-formed TIMEX3 for its type, and a frequency
//!   (`2X`) only on a set;
//! - every quote speaker that names an entity names one that exists;
//! - a quote's attribution lies inside the quote, and its clause holds it.

use crate::event::DateType;

use super::Enrichment;

/// A broken invariant, with enough context to debug it.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InvariantError {
    /// A span does not match the body.
    #[error("{what} span {start}..{end} does not match {text:?} in the body")]
    Span {
        /// Which item ("date", "mention", "quote", "speaker", "cue",
        /// "attribution", "clause").
        what: &'static str,
        /// Reported start.
        start: usize,
        /// Reported end.
        end: usize,
        /// Reported text.
        text: String,
    },
    /// A date value is not TIMEX3.
    #[error("date {text:?} has invalid TIMEX3 value {value:?} for its type")]
    Timex {
        /// The date's text.
        text: String,
        /// The bad value.
        value: String,
    },
    /// A speaker references an entity id that is not in `entities`.
    #[error("speaker references unknown entity {0:?}")]
    UnknownEntity(String),
    /// A quote's attribution is outside the quote, or its clause does not
    /// hold the quote.
    #[error("{what} {start}..{end} is misplaced against its quote")]
    Misplaced {
        /// "attribution" or "clause".
        what: &'static str,
        /// Reported start.
        start: usize,
        /// Reported end.
        end: usize,
    },
}

/// Check every invariant of `e` against `body`.
pub fn check(body: &str, e: &Enrichment) -> Result<(), InvariantError> {
    // Code-point index -> byte offset, once.
    let mut starts: Vec<usize> = body.char_indices().map(|(b, _)| b).collect();
    starts.push(body.len());
    let span = |what: &'static str, start: usize, end: usize, text: &str| {
        let ok =
            start < end && end < starts.len() && body.get(starts[start]..starts[end]) == Some(text);
        if ok {
            Ok(())
        } else {
            Err(InvariantError::Span {
                what,
                start,
                end,
                text: text.to_string(),
            })
        }
    };
    for d in &e.dates {
        span("date", d.start, d.end, &d.text)?;
        // A frequency (`2X`) belongs to a set.
        let freq_ok = d.freq.as_deref().is_none_or(|f| {
            d.kind == DateType::Set
                && f.strip_suffix('X')
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        });
        if !is_timex_value(&d.value, d.kind) || !freq_ok {
            return Err(InvariantError::Timex {
                text: d.text.clone(),
                value: d.value.clone(),
            });
        }
    }
    for ent in &e.entities {
        for m in ent.mentions.iter().chain(&ent.references) {
            span("mention", m.start, m.end, &m.text)?;
        }
    }
    for q in &e.quotes {
        span("quote", q.start, q.end, &q.text)?;
        if let Some(sp) = &q.speaker {
            span("speaker", sp.start, sp.end, &sp.text)?;
            if let Some(id) = &sp.entity {
                if !e.entities.iter().any(|x| &x.id == id) {
                    return Err(InvariantError::UnknownEntity(id.clone()));
                }
            }
        }
        if let Some(c) = &q.cue {
            span("cue", c.start, c.end, &c.text)?;
        }
        if let Some(a) = &q.attribution {
            span("attribution", a.start, a.end, &a.text)?;
            if !(q.start <= a.start && a.end <= q.end) {
                return Err(InvariantError::Misplaced {
                    what: "attribution",
                    start: a.start,
                    end: a.end,
                });
            }
        }
        if let Some(c) = &q.clause {
            span("clause", c.start, c.end, &c.text)?;
            if !(c.start <= q.start && q.end <= c.end) {
                return Err(InvariantError::Misplaced {
                    what: "clause",
                    start: c.start,
                    end: c.end,
                });
            }
        }
    }
    Ok(())
}

/// Whether `v` is a TIMEX3 value plausible for `kind` (syntax only).
pub fn is_timex_value(v: &str, kind: DateType) -> bool {
    match kind {
        DateType::Duration => is_duration(v),
        DateType::Set => is_duration(v) || is_date_or_time(v),
        DateType::Date | DateType::Time => is_date_or_time(v),
    }
}

fn is_duration(v: &str) -> bool {
    // P(nY)(nM)(nW)(nD)(T(nH)(nM)(nS)); n is digits, a decimal, or X.
    let Some(rest) = v.strip_prefix('P') else {
        return false;
    };
    if rest.is_empty() {
        return false;
    }
    let mut in_time = false;
    let mut num = String::new();
    let mut units = 0;
    for c in rest.chars() {
        match c {
            'T' if !in_time && num.is_empty() => in_time = true,
            '0'..='9' | '.' | 'X' => num.push(c),
            'Y' | 'M' | 'W' | 'D' | 'H' | 'S' | 'E' | 'C' | 'L' | 'Q' => {
                if num.is_empty() {
                    return false;
                }
                num.clear();
                units += 1;
            }
            _ => return false,
        }
    }
    num.is_empty() && units > 0
}

fn is_date_or_time(v: &str) -> bool {
    if matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF") {
        return true;
    }
    // A fiscal year: `FY2009`.
    if let Some(y) = v.strip_prefix("FY") {
        return y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit() || b == b'X');
    }
    let (date, time) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    let digit = |c: char| c.is_ascii_digit() || c == 'X';
    let parts: Vec<&str> = date.split('-').collect();
    let Some(year) = parts.first() else {
        return false;
    };
    // Year: 4 chars (digits/X), or a decade/century prefix (199, 19).
    if !(2..=4).contains(&year.len()) || !year.chars().all(digit) {
        return false;
    }
    let ok_rest = match parts.get(1..).unwrap_or(&[]) {
        [] => true,
        [m] => {
            (m.len() == 2 && m.chars().all(digit))
                || (m.len() == 3 && m.starts_with('W') && m[1..].chars().all(digit))
                || matches!(
                    *m,
                    "Q1" | "Q2"
                        | "Q3"
                        | "Q4"
                        | "QX"
                        | "H1"
                        | "H2"
                        | "HX"
                        | "SP"
                        | "SU"
                        | "FA"
                        | "WI"
                )
        }
        [m, d] => {
            (m.len() == 2 && m.chars().all(digit) && d.len() == 2 && d.chars().all(digit))
                || (m.len() == 3
                    && m.starts_with('W')
                    && m[1..].chars().all(digit)
                    && matches!(*d, "WE" | "1" | "2" | "3" | "4" | "5" | "6" | "7"))
        }
        _ => false,
    };
    if !ok_rest {
        return false;
    }
    match time {
        None => true,
        Some(t) => {
            // ISO 8601 allows a zone designator: `Z` or `±HH(:MM)`.
            let t = match t.find(['Z', '+', '-']) {
                Some(i) if is_zone(&t[i..]) => &t[..i],
                _ => t,
            };
            matches!(t, "MO" | "AF" | "EV" | "NI" | "DT" | "MI") || {
                let hm: Vec<&str> = t.split(':').collect();
                (1..=3).contains(&hm.len())
                    && hm.iter().all(|p| p.len() == 2 && p.chars().all(digit))
            }
        }
    }
}

fn is_zone(z: &str) -> bool {
    if z == "Z" {
        return true;
    }
    let Some(rest) = z.strip_prefix(['+', '-']) else {
        return false;
    };
    let two = |p: &str| p.len() == 2 && p.chars().all(|c| c.is_ascii_digit());
    match rest.split_once(':') {
        Some((h, m)) => two(h) && two(m),
        None => two(rest) || (rest.len() == 4 && rest.chars().all(|c| c.is_ascii_digit())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::DateMention;

    #[test]
    fn an_attribution_outside_its_quote_or_a_clause_missing_it_is_misplaced() {
        use crate::event::{Cue, Quote, QuoteKind};
        let body = "Costs, she said, will rise.";
        let span = |text: &str| {
            let start = body.find(text).expect("in the body");
            Cue {
                text: text.into(),
                start,
                end: start + text.len(),
            }
        };
        let quote = |text: &str, attribution: Option<Cue>, clause: Option<Cue>| {
            let s = span(text);
            Quote {
                text: s.text,
                start: s.start,
                end: s.end,
                kind: QuoteKind::Indirect,
                speaker: None,
                cue: None,
                utterance: None,
                said_at: None,
                attribution,
                clause,
                spans: None,
            }
        };
        let with = |q: Quote| Enrichment {
            quotes: vec![q],
            ..Enrichment::default()
        };
        let whole = "Costs, she said, will rise";
        assert_eq!(
            check(body, &with(quote(whole, Some(span(", she said,")), None))),
            Ok(())
        );
        assert!(matches!(
            check(
                body,
                &with(quote("will rise", Some(span(", she said,")), None))
            ),
            Err(InvariantError::Misplaced {
                what: "attribution",
                ..
            })
        ));
        assert_eq!(
            check(body, &with(quote("will rise", None, Some(span(whole))))),
            Ok(())
        );
        assert!(matches!(
            check(body, &with(quote(whole, None, Some(span("will rise"))))),
            Err(InvariantError::Misplaced { what: "clause", .. })
        ));
    }

    #[test]
    fn timex_values() {
        for v in [
            "2025-02-19",
            "2025-W07",
            "2025-02",
            "2025",
            "2025-Q1",
            "2025-02-19TNI",
            "2025-02-19T15:30",
            "PRESENT_REF",
            "XXXX-XX-XX",
            "199",
            "2025-W07-WE",
            "2025-02-20T17:30Z",
            "2025-02-20T17:30+01:00",
            "FY2009",
        ] {
            assert!(is_timex_value(v, DateType::Date), "{v}");
        }
        for v in ["P2W", "PT4H", "PTXH", "P1Y6M", "PXY", "P1.5Y"] {
            assert!(is_timex_value(v, DateType::Duration), "{v}");
        }
        for v in [
            "",
            "2025-2-19",
            "20251",
            "P",
            "PT",
            "2025-13-",
            "tomorrow",
            "P2",
            "2025-02-19TXYZ",
            "2025-02-20T17:30Q",
            "2025-02-20T17:30+1",
            "FY09",
            "FY2009-01",
        ] {
            assert!(!is_timex_value(v, DateType::Date), "{v}");
            assert!(!is_timex_value(v, DateType::Duration), "{v}");
        }
    }

    #[test]
    fn spans_are_code_points() {
        let body = "“Kyiv” on Monday";
        let mut e = Enrichment::default();
        e.dates.push(DateMention {
            text: "Monday".into(),
            start: 10,
            end: 16,
            value: "2025-02-17".into(),
            kind: DateType::Date,
            freq: None,
        });
        assert_eq!(check(body, &e), Ok(()));
        e.dates[0].start = 12; // byte offset, not code point
        e.dates[0].end = 18;
        assert!(check(body, &e).is_err());
    }
}
