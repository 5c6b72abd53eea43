//! Robustness of the dates stage on arbitrary input: it never panics, every
//! span lies inside the body and matches its text in code points, mentions
//! are ordered and disjoint, and every value is valid TIMEX3.

use byline::enrich::dates::extract;
use byline::text::Text;
use chrono::NaiveDate;
use proptest::prelude::*;

/// `n` ASCII digits, or `n` `X`s (underspecified).
fn digits_or_x(s: &str, n: usize) -> bool {
    s.len() == n && (s.bytes().all(|b| b.is_ascii_digit()) || s.bytes().all(|b| b == b'X'))
}

fn in_range(s: &str, lo: u32, hi: u32) -> bool {
    s.bytes().all(|b| b == b'X') || s.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v))
}

/// `3`, `1.5`, or `X`.
fn count(s: &str) -> bool {
    if s == "X" {
        return true;
    }
    let mut parts = s.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

fn valid_duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('P') else {
        return false;
    };
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    // Components (count + unit letter) in the units' order: `P2Y6M`,
    // `PT5H30M`, `P1DT12H`; at least one in all.
    fn components(s: &str, units: &str) -> Option<usize> {
        let (mut n, mut last, mut acc) = (0, None, String::new());
        for c in s.chars() {
            match units.find(c) {
                Some(at) if c != 'X' => {
                    if !count(&acc) || last.is_some_and(|l| at <= l) {
                        return None;
                    }
                    last = Some(at);
                    acc.clear();
                    n += 1;
                }
                _ => acc.push(c),
            }
        }
        acc.is_empty().then_some(n)
    }
    let Some(d) = components(date, "YQMWD") else {
        return false;
    };
    match time {
        None => d > 0,
        Some(t) => components(t, "HMS").is_some_and(|n| n > 0),
    }
}

fn valid_time(t: &str) -> bool {
    if matches!(t, "MO" | "AF" | "EV" | "NI") {
        return true;
    }
    let t = t.strip_suffix('Z').unwrap_or(t);
    match t.split_once(':') {
        Some((h, m)) => h.len() == 2 && m.len() == 2 && in_range(h, 0, 24) && in_range(m, 0, 59),
        None => false,
    }
}

/// TIMEX3 `value` syntax, as far as this stage produces it.
fn valid_timex(v: &str) -> bool {
    if matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF") {
        return true;
    }
    if v.starts_with('P') {
        return valid_duration(v);
    }
    // A fiscal year.
    if let Some(y) = v.strip_prefix("FY") {
        return digits_or_x(y, 4);
    }
    let (date, time) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    if time.is_some_and(|t| !valid_time(t)) {
        return false;
    }
    let mut parts = date.split('-');
    let year = parts.next().unwrap_or("");
    // Decades (`199`) and centuries (`20`) stand alone.
    if (digits_or_x(year, 3) || digits_or_x(year, 2)) && time.is_none() {
        return parts.next().is_none();
    }
    if !digits_or_x(year, 4) {
        return false;
    }
    let Some(second) = parts.next() else {
        return true;
    };
    let third = parts.next();
    if parts.next().is_some() {
        return false;
    }
    if let Some(w) = second.strip_prefix('W') {
        return digits_or_x(w, 2)
            && in_range(w, 1, 53)
            && third.is_none_or(|d| d == "WE" || (d.len() == 1 && in_range(d, 1, 7)));
    }
    if third.is_none() {
        if let Some(q) = second.strip_prefix('Q') {
            return q.len() == 1 && in_range(q, 1, 4);
        }
        if let Some(h) = second.strip_prefix('H') {
            return h.len() == 1 && in_range(h, 1, 2);
        }
        if matches!(second, "SP" | "SU" | "FA" | "WI") {
            return true;
        }
    }
    digits_or_x(second, 2)
        && in_range(second, 1, 12)
        && third.is_none_or(|d| digits_or_x(d, 2) && in_range(d, 1, 31))
}

#[test]
fn validator_accepts_and_rejects() {
    for ok in [
        "2025-02-19TNI",
        "2025-W07",
        "2025-W07-WE",
        "XXXX-WXX-1",
        "2025-02",
        "2025",
        "2025-Q1",
        "2025-02-19T15:30",
        "2008-09-17T16:08Z",
        "PRESENT_REF",
        "P2W",
        "PT4H",
        "PTXH",
        "P1.5Y",
        "P2Y6M",
        "PT5H30M",
        "P1DT12H",
        "199",
        "XXXX-XX-XX",
        "2011-FA",
        "2024-H1",
        "FY2009",
    ] {
        assert!(valid_timex(ok), "{ok}");
    }
    for bad in [
        "",
        "P6M2Y",
        "PT",
        "P1D12H",
        "2025-13",
        "25-02-19",
        "P",
        "PT4Y",
        "2025-W60",
        "2025-02-19T25:00",
        "P2",
        "NOW",
        "2025-02-19-01",
        "12025-01-01",
        "FY09",
        "FY2009-01-01",
    ] {
        assert!(!valid_timex(bad), "{bad}");
    }
}

/// Words that make the grammar fire, mixed with noise.
const VOCAB: &[&str] = &[
    "Monday",
    "Wednesday",
    "night",
    "morning",
    "last",
    "next",
    "this",
    "week",
    "weeks",
    "month",
    "year",
    "years",
    "ago",
    "later",
    "from",
    "now",
    "the",
    "past",
    "first",
    "quarter",
    "Q1",
    "2025",
    "1990s",
    "'",
    "82",
    "February",
    "Feb",
    ".",
    "20",
    ",",
    "May",
    "March",
    "3:30",
    "p.m.",
    "noon",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "said",
    "will",
    "every",
    "daily",
    "many",
    "hours",
    "two",
    "three",
    "a",
    "-",
    "/",
    "12",
    "31",
    "29",
    "in",
    "since",
    "on",
    "$",
    "%",
    "737",
    "recently",
    "currently",
    "future",
    "same",
    "day",
    "following",
    "previous",
    "earlier",
    "late",
    "early",
    "mid",
    "Christmas",
    "New",
    "Year",
    "’s",
    "Day",
    "UTC",
    "0800",
    "9999",
    "0000",
    "1900",
    "2099",
    "of",
    "half",
    "weekend",
    "decade",
    "century",
    "\n",
    "\n\n",
    "é",
    "😀",
    "’",
    "\"",
    "s",
    "99",
    "1",
    "0",
    "99999999999999999999",
    "1000000",
    "2.5",
    "1,000",
];

fn vocab_text() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(VOCAB), prop::bool::ANY), 0..40).prop_map(|ws| {
        let mut s = String::new();
        for (w, glue) in ws {
            if !glue && !s.is_empty() {
                s.push(' ');
            }
            s.push_str(w);
        }
        s
    })
}

fn any_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((-3000i32..12000, 1u32..=12, 1u32..=31))
        .prop_map(|o| o.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
}

fn check(body: &str, published: Option<NaiveDate>) -> Result<(), TestCaseError> {
    let text = Text::analyze(body);
    let mentions = extract(&text, published);
    let chars: Vec<char> = body.chars().collect();
    let mut last_end = 0;
    for m in &mentions {
        prop_assert!(m.start < m.end && m.end <= chars.len(), "{m:?}");
        prop_assert!(m.start >= last_end, "overlap or disorder: {mentions:?}");
        last_end = m.end;
        let slice: String = chars[m.start..m.end].iter().collect();
        prop_assert_eq!(&slice, &m.text);
        prop_assert!(
            valid_timex(&m.value),
            "invalid value {:?} for {:?}",
            m.value,
            m.text
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(body in any::<String>(), published in any_date()) {
        check(&body, published)?;
    }

    #[test]
    fn date_like_strings(body in vocab_text(), published in any_date()) {
        check(&body, published)?;
    }
}
