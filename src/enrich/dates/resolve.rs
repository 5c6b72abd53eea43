//! TIMEX3 normalization: calendar arithmetic (the primitives the operator
//! trees of [`super::tree`] are evaluated with) and value formatting.
//!
//! Everything here is total: impossible dates (`February 30`) and overflows
//! give `None`, which the grammar turns into an underspecified value rather
//! than a panic.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::lexicon::Unit;

/// The tense a clause speaks in, deciding which `Monday` or `March` is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Past or present-perfect: the most recent such day (or the reference day itself).
    Past,
    /// Future: the next such day (or the reference day itself).
    Future,
}

/// `YYYY-MM-DD`.
pub fn day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `YYYY-Www` (ISO week, whose year may differ from the calendar year).
pub fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// `YYYY-MM`.
pub fn month(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// `YYYY-Qn`.
pub fn quarter(y: i32, q: u32) -> String {
    format!("{y:04}-Q{q}")
}

/// Whether `y` prints as exactly four digits (TIMEX3 years).
pub fn plausible_year(y: i32) -> bool {
    (1000..=9999).contains(&y)
}

/// Add `n` calendar months to year/month, giving year/month.
pub fn add_months(y: i32, m: u32, n: i32) -> Option<(i32, u32)> {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + i64::from(n);
    // (i32 inputs: no overflow in i64.)
    let ny = i32::try_from(total.div_euclid(12)).ok()?;
    let nm = u32::try_from(total.rem_euclid(12)).ok()? + 1;
    plausible_year(ny).then_some((ny, nm))
}

/// Add `n` days, if the result stays in range.
pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let r = d.checked_add_signed(Duration::try_days(n)?)?;
    plausible_year(r.year()).then_some(r)
}

/// Month `m`, day `d` in a year near `reference` where it falls on ISO weekday `wd`.
pub fn month_day_on_weekday(reference: NaiveDate, m: u32, d: u32, wd: u32) -> Option<NaiveDate> {
    let y = reference.year();
    [y, y + 1, y - 1]
        .into_iter()
        .filter_map(|yy| NaiveDate::from_ymd_opt(yy, m, d))
        .find(|c| iso_weekday(*c) == wd)
}

/// ISO weekday number (Monday = 1).
pub fn iso_weekday(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

/// Quarter (1-4) of a date.
pub fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// The underspecified form of a period (`XXXX-WXX` for a week, ...).
pub fn period_unknown(unit: Unit) -> &'static str {
    match unit {
        Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        Unit::Second | Unit::Minute | Unit::Hour => "XXXX-XX-XX",
    }
}

/// A TIMEX3 duration: `P3Y`, `PT4H`, `PXD` (unknown count), `P1.5Y`.
pub fn duration(count: Option<f64>, unit: Unit) -> String {
    let (letter, factor) = unit.duration_letter();
    let t = if unit.is_clock() { "T" } else { "" };
    match count {
        None => format!("P{t}X{letter}"),
        Some(c) => {
            let v = c * f64::from(factor);
            // A half unit in the next smaller one: "2 1/2 years" = P2Y6M.
            if v.fract() == 0.5 && v.abs() < 1e9 {
                let n = v.trunc() as i64;
                // Half a unit alone: "half an hour" = PT30M.
                if n == 0 {
                    match unit {
                        Unit::Year => return "P6M".to_string(),
                        Unit::Day => return "PT12H".to_string(),
                        Unit::Hour => return "PT30M".to_string(),
                        Unit::Minute => return "PT30S".to_string(),
                        _ => {}
                    }
                }
                match unit {
                    Unit::Year => return format!("P{n}Y6M"),
                    Unit::Day => return format!("P{n}DT12H"),
                    Unit::Hour => return format!("PT{n}H30M"),
                    Unit::Minute => return format!("PT{n}M30S"),
                    _ => {}
                }
            }
            if v.fract() == 0.0 && v.abs() < 1e9 {
                format!("P{t}{}{letter}", v as i64)
            } else {
                let s = format!("{v:.2}");
                let s = s.trim_end_matches('0').trim_end_matches('.');
                format!("P{t}{s}{letter}")
            }
        }
    }
}

/// Easter Sunday of year `y` (Gregorian computus, anonymous algorithm).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let (b, c) = (y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// `n` days from Easter Sunday of year `y` (Good Friday is -2).
pub fn easter_offset(y: i32, n: i64) -> Option<NaiveDate> {
    add_days(easter(y)?, n)
}

/// The `n`th (1-based) ISO weekday `wd` of month `m` of year `y`.
fn nth_weekday(y: i32, m: u32, wd: u32, n: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let delta = (i64::from(wd) - i64::from(iso_weekday(first))).rem_euclid(7);
    add_days(first, delta + 7 * (i64::from(n) - 1)).filter(|d| d.month() == m)
}

/// US Thanksgiving: the fourth Thursday of November.
pub fn thanksgiving(y: i32) -> Option<NaiveDate> {
    nth_weekday(y, 11, 4, 4)
}

/// US Labor Day: the first Monday of September.
pub fn labor_day(y: i32) -> Option<NaiveDate> {
    nth_weekday(y, 9, 1, 1)
}

/// US Memorial Day: the last Monday of May.
pub fn memorial_day(y: i32) -> Option<NaiveDate> {
    nth_weekday(y, 5, 1, 5).or_else(|| nth_weekday(y, 5, 1, 4))
}

/// US Election Day: the Tuesday after the first Monday of November.
pub fn election_day(y: i32) -> Option<NaiveDate> {
    add_days(nth_weekday(y, 11, 1, 1)?, 1)
}

/// Martin Luther King Jr. Day: the third Monday of January.
pub fn king_day(y: i32) -> Option<NaiveDate> {
    nth_weekday(y, 1, 1, 3)
}

/// Presidents Day (Washington's Birthday): the third Monday of February.
pub fn presidents_day(y: i32) -> Option<NaiveDate> {
    nth_weekday(y, 2, 1, 3)
}

/// Black Friday: the day after US Thanksgiving.
pub fn black_friday(y: i32) -> Option<NaiveDate> {
    add_days(thanksgiving(y)?, 1)
}

/// Whether `d` is a Saturday or Sunday.
pub fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn computed_holidays() {
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter(2019), Some(d(2019, 4, 21)));
        assert_eq!(easter_offset(2025, -2), Some(d(2025, 4, 18)));
        assert_eq!(thanksgiving(2025), Some(d(2025, 11, 27)));
        assert_eq!(thanksgiving(2024), Some(d(2024, 11, 28)));
        assert_eq!(labor_day(2025), Some(d(2025, 9, 1)));
        assert_eq!(memorial_day(2025), Some(d(2025, 5, 26)));
        assert_eq!(memorial_day(2024), Some(d(2024, 5, 27)));
        // November 1 a Tuesday: Election Day is the 8th, not the 1st.
        assert_eq!(election_day(2022), Some(d(2022, 11, 8)));
        assert_eq!(election_day(2024), Some(d(2024, 11, 5)));
        assert_eq!(king_day(2025), Some(d(2025, 1, 20)));
        assert_eq!(presidents_day(2025), Some(d(2025, 2, 17)));
        assert_eq!(black_friday(2025), Some(d(2025, 11, 28)));
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Some(3.0), Unit::Year), "P3Y");
        assert_eq!(duration(None, Unit::Hour), "PTXH");
        assert_eq!(duration(Some(1.0), Unit::Decade), "P10Y");
        assert_eq!(duration(Some(1.5), Unit::Hour), "PT1H30M");
        assert_eq!(duration(Some(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration(Some(1.5), Unit::Week), "P1.5W");
    }
}
