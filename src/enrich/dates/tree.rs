//! Relative expressions as small operator trees, evaluated against an anchor.
//!
//! The grammar recognizes an expression and says what it means as a tree;
//! this module alone turns the tree into a calendar point and its TIMEX3
//! value. The operators:
//! - `anchor(document)`: the document's reference date (`today`);
//!   `anchor(narrative)`: the last point the text mentioned (`the same day`);
//! - `year(2010)`: a year written out;
//! - `shift(x, n, unit)`: `n` units from `x`, at the unit's granularity
//!   (`last week` = shift(anchor, −1, week));
//! - `intersect(x, field)`: the field inside `x`'s year or week (`March
//!   2010` = intersect(year(2010), March), `this Friday` =
//!   intersect(shift(anchor, 0, week), Friday));
//! - `nearest(x, field, direction)`: the occurrence of a field nearest `x`
//!   in a direction (`Friday` in a past clause = nearest(anchor, Friday,
//!   back); `next March` = nearest(anchor, March, forward, strict)).
//!
//! Without the anchor a tree has no point, and its value is the
//! underspecified form of what it names (`XXXX-WXX-5`, `XXXX-03`).

use chrono::{Datelike, NaiveDate};

use super::lexicon::Unit;
use super::resolve::{self, Tense};

/// Which reference point an expression counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The document date: publication, else the dateline (deictic words).
    Document,
    /// The last point the narrative mentioned that is at least as precise
    /// as the unit, else the last day mentioned, else the document date
    /// (anaphoric words: `the following week`, `two days later`).
    Narrative(Unit),
}

/// The granularity of a point, which decides its TIMEX3 form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grain {
    /// `2025-02-20`.
    Day,
    /// `2025-W08`.
    Week,
    /// `2025-W08-WE`.
    Weekend,
    /// `2025-02`.
    Month,
    /// `2025-Q1`.
    Quarter,
    /// `2025-H1`, `2025-H2`.
    Half(u32),
    /// `2025-SU` (the season code).
    Season(&'static str),
    /// `2025`.
    Year,
    /// `202`.
    Decade,
    /// `20`.
    Century,
}

/// A calendar point: a day inside the period (its first day, or for
/// weeks their Monday) and the period's granularity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    /// A day of the period.
    pub at: NaiveDate,
    /// The period's granularity.
    pub grain: Grain,
}

impl Point {
    fn new(at: NaiveDate, grain: Grain) -> Option<Point> {
        resolve::plausible_year(at.year()).then_some(Point { at, grain })
    }

    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        let (y, d) = (self.at.year(), self.at);
        match self.grain {
            Grain::Day => resolve::day(d),
            Grain::Week => resolve::week(d),
            Grain::Weekend => format!("{}-WE", resolve::week(d)),
            Grain::Month => resolve::month(y, d.month()),
            Grain::Quarter => resolve::quarter(y, resolve::quarter_of(d)),
            Grain::Half(h) => format!("{y:04}-H{h}"),
            Grain::Season(code) => format!("{y:04}-{code}"),
            Grain::Year => format!("{y:04}"),
            Grain::Decade => format!("{:03}", y / 10),
            Grain::Century => format!("{:02}", y / 100),
        }
    }

    /// The day, when the point is one.
    pub fn day(&self) -> Option<NaiveDate> {
        (self.grain == Grain::Day).then_some(self.at)
    }
}

/// How a holiday falls in a given year.
#[derive(Clone, Copy, Debug)]
pub enum Holiday {
    /// The same month and day every year (`Christmas`).
    Fixed(u32, u32),
    /// Computed from the year (`Easter`, `Thanksgiving`).
    Computed(fn(i32) -> Option<NaiveDate>),
}

/// A calendar field that names a period inside a year or a week.
#[derive(Clone, Copy, Debug)]
pub enum Field {
    /// ISO weekday (Monday = 1).
    Weekday(u32),
    /// Month (1-12).
    Month(u32),
    /// Month and day.
    MonthDay(u32, u32),
    /// Quarter (1-4).
    Quarter(u32),
    /// Half (1-2).
    Half(u32),
    /// Season, by its TIMEX3 code.
    Season(&'static str),
    /// A holiday.
    Holiday(Holiday),
}

impl Field {
    /// The field's occurrence in year `y`.
    fn in_year(self, y: i32) -> Option<Point> {
        let (at, grain) = match self {
            Field::Weekday(_) => return None,
            Field::Month(m) => (NaiveDate::from_ymd_opt(y, m, 1)?, Grain::Month),
            Field::MonthDay(m, d) => (NaiveDate::from_ymd_opt(y, m, d)?, Grain::Day),
            Field::Quarter(q) => (NaiveDate::from_ymd_opt(y, q * 3 - 2, 1)?, Grain::Quarter),
            Field::Half(h) => (NaiveDate::from_ymd_opt(y, h * 6 - 5, 1)?, Grain::Half(h)),
            Field::Season(c) => (NaiveDate::from_ymd_opt(y, 1, 1)?, Grain::Season(c)),
            Field::Holiday(Holiday::Fixed(m, d)) => (NaiveDate::from_ymd_opt(y, m, d)?, Grain::Day),
            Field::Holiday(Holiday::Computed(f)) => (f(y)?, Grain::Day),
        };
        Point::new(at, grain)
    }

    /// The start of the period of this field's granularity holding `d`
    /// (the month of `d` for a month): what occurrences compare against.
    fn truncate(self, d: NaiveDate) -> NaiveDate {
        let first = |m: u32| NaiveDate::from_ymd_opt(d.year(), m, 1).unwrap_or(d);
        match self {
            Field::Month(_) => first(d.month()),
            Field::Quarter(_) => first((resolve::quarter_of(d) - 1) * 3 + 1),
            Field::Half(_) => first(if d.month() <= 6 { 1 } else { 7 }),
            _ => d,
        }
    }

    /// The distance between two points of this field, in its own unit
    /// (months for a month, days otherwise).
    fn distance(self, a: NaiveDate, b: NaiveDate) -> i64 {
        match self {
            Field::Month(_) => {
                let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month());
                (months(a) - months(b)).abs()
            }
            _ => (a - b).num_days().abs(),
        }
    }

    /// The underspecified value of the field with no anchor.
    fn unknown(self) -> String {
        match self {
            Field::Weekday(wd) => format!("XXXX-WXX-{wd}"),
            Field::Month(m) => format!("XXXX-{m:02}"),
            Field::MonthDay(m, d) | Field::Holiday(Holiday::Fixed(m, d)) => {
                // Only a day some year has (February 29, not February 30).
                match NaiveDate::from_ymd_opt(2000, m, d) {
                    Some(_) => format!("XXXX-{m:02}-{d:02}"),
                    None => "XXXX-XX-XX".to_string(),
                }
            }
            Field::Quarter(q) => format!("XXXX-Q{q}"),
            Field::Half(h) => format!("XXXX-H{h}"),
            Field::Season(c) => format!("XXXX-{c}"),
            Field::Holiday(Holiday::Computed(_)) => "XXXX-XX-XX".to_string(),
        }
    }
}

/// Which occurrence of a field [`Expr::Nearest`] takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// The latest at or before the anchor's period (`strict`: before it:
    /// `last Monday` on a Monday is the week before).
    Back {
        /// Exclude the anchor's own period.
        strict: bool,
    },
    /// The first at or after the anchor's period (`strict`: after it).
    Forward {
        /// Exclude the anchor's own period.
        strict: bool,
    },
    /// The one nearest the anchor, either way.
    Closest,
    /// The one in the tense's direction, unless that is ten months (300
    /// days) away or more: then the closest. News writes the year of a
    /// date that is not around publication.
    Lean(Tense),
}

impl Dir {
    /// The non-strict direction of a tense.
    pub fn of(t: Tense) -> Dir {
        match t {
            Tense::Past => Dir::Back { strict: false },
            Tense::Future => Dir::Forward { strict: false },
        }
    }
}

/// A relative (or absolute) temporal expression as an operator tree.
#[derive(Clone, Debug)]
pub enum Expr {
    /// A reference point, as a day.
    Anchor(Anchor),
    /// A year written out.
    Year(i32),
    /// `n` units from the inner point, at the unit's granularity.
    Shift(Box<Expr>, i64, Unit),
    /// The field inside the inner point's year (or week, for a weekday).
    Intersect(Box<Expr>, Field),
    /// The occurrence of the field nearest the inner point's day.
    Nearest(Box<Expr>, Field, Dir),
}

impl Expr {
    /// `anchor(document)`.
    pub fn document() -> Expr {
        Expr::Anchor(Anchor::Document)
    }

    /// `anchor(narrative)` for an expression counted in `unit`.
    pub fn narrative(unit: Unit) -> Expr {
        Expr::Anchor(Anchor::Narrative(unit))
    }

    /// `shift(self, n, unit)`.
    pub fn shift(self, n: i64, unit: Unit) -> Expr {
        Expr::Shift(Box::new(self), n, unit)
    }

    /// `intersect(self, field)`.
    pub fn intersect(self, field: Field) -> Expr {
        Expr::Intersect(Box::new(self), field)
    }

    /// `nearest(self, field, dir)`.
    pub fn nearest(self, field: Field, dir: Dir) -> Expr {
        Expr::Nearest(Box::new(self), field, dir)
    }

    /// The point the tree denotes, with `anchor` giving the reference
    /// dates; `None` without the anchor or out of the calendar's range.
    pub fn eval(&self, anchor: &dyn Fn(Anchor) -> Option<NaiveDate>) -> Option<Point> {
        match self {
            Expr::Anchor(a) => Point::new(anchor(*a)?, Grain::Day),
            Expr::Year(y) => Point::new(NaiveDate::from_ymd_opt(*y, 1, 1)?, Grain::Year),
            Expr::Shift(x, n, unit) => shift(x.eval(anchor)?.at, *n, *unit),
            Expr::Intersect(x, field) => {
                let p = x.eval(anchor)?;
                match field {
                    Field::Weekday(wd) => {
                        let cur = i64::from(resolve::iso_weekday(p.at));
                        Point::new(resolve::add_days(p.at, i64::from(*wd) - cur)?, Grain::Day)
                    }
                    f => f.in_year(p.at.year()),
                }
            }
            Expr::Nearest(x, field, dir) => nearest(x.eval(anchor)?.at, *field, *dir),
        }
    }

    /// The TIMEX3 value of the tree, underspecified without an anchor, and
    /// the point when there is one.
    pub fn resolve(&self, anchor: &dyn Fn(Anchor) -> Option<NaiveDate>) -> (String, Option<Point>) {
        match self.eval(anchor) {
            Some(p) => (p.value(), Some(p)),
            None => (self.unknown(), None),
        }
    }

    /// The underspecified value of what the tree names.
    fn unknown(&self) -> String {
        match self {
            Expr::Anchor(_) => "XXXX-XX-XX".to_string(),
            Expr::Year(y) => format!("{y:04}"),
            Expr::Shift(_, _, unit) => resolve::period_unknown(*unit).to_string(),
            Expr::Intersect(_, f) | Expr::Nearest(_, f, _) => f.unknown(),
        }
    }
}

/// The period `n` units from the one holding `r`.
fn shift(r: NaiveDate, n: i64, unit: Unit) -> Option<Point> {
    let year =
        |y: i64| -> Option<NaiveDate> { NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, 1, 1) };
    let (at, grain) = match unit {
        Unit::Day => (resolve::add_days(r, n)?, Grain::Day),
        Unit::Week | Unit::Weekend => {
            let d = resolve::add_days(r, n.checked_mul(7)?)?;
            let monday = resolve::add_days(d, 1 - i64::from(resolve::iso_weekday(d)))?;
            let grain = if unit == Unit::Week {
                Grain::Week
            } else {
                Grain::Weekend
            };
            (monday, grain)
        }
        Unit::Month => {
            let (y, m) = resolve::add_months(r.year(), r.month(), i32::try_from(n).ok()?)?;
            (NaiveDate::from_ymd_opt(y, m, 1)?, Grain::Month)
        }
        Unit::Quarter => {
            let q = i64::from(resolve::quarter_of(r) - 1).checked_add(n)?;
            let y = i64::from(r.year()).checked_add(q.div_euclid(4))?;
            let m = u32::try_from(q.rem_euclid(4)).ok()? * 3 + 1;
            (
                NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, 1)?,
                Grain::Quarter,
            )
        }
        Unit::Year => (year(i64::from(r.year()).checked_add(n)?)?, Grain::Year),
        Unit::Decade => (
            year(i64::from(r.year()).checked_add(n.checked_mul(10)?)?)?,
            Grain::Decade,
        ),
        Unit::Century => (
            year(i64::from(r.year()).checked_add(n.checked_mul(100)?)?)?,
            Grain::Century,
        ),
        Unit::Second | Unit::Minute | Unit::Hour => return None,
    };
    Point::new(at, grain)
}

/// The first month of a season that lies inside one calendar year
/// (spring March, summer June, fall September); `None` for winter, which
/// spans two years and is named by the reference's year.
fn season_start(code: &str) -> Option<u32> {
    match code {
        "SP" => Some(3),
        "SU" => Some(6),
        "FA" => Some(9),
        _ => None,
    }
}

/// The season nearest `r` in direction `dir`: back, the latest that has
/// begun by `r`; forward, the first that has not ended by `r`; otherwise
/// the one of `r`'s year. Its point is its year's first day.
fn nearest_season(r: NaiveDate, code: &'static str, dir: Dir) -> Option<Point> {
    let y = r.year();
    let year = |y: i32| Point::new(NaiveDate::from_ymd_opt(y, 1, 1)?, Grain::Season(code));
    let Some(start) = season_start(code) else {
        return year(y);
    };
    let begun = r.month() >= start;
    let ended = r.month() >= start + 3;
    match dir {
        Dir::Back { strict } if strict => year(if ended { y } else { y - 1 }),
        Dir::Back { .. } | Dir::Lean(Tense::Past) => year(if begun { y } else { y - 1 }),
        Dir::Forward { strict } if strict => year(if begun { y + 1 } else { y }),
        Dir::Forward { .. } | Dir::Lean(Tense::Future) => year(if ended { y + 1 } else { y }),
        Dir::Closest => year(y),
    }
}

/// The occurrence of `field` nearest `r` in direction `dir`.
fn nearest(r: NaiveDate, field: Field, dir: Dir) -> Option<Point> {
    if let Field::Season(code) = field {
        return nearest_season(r, code, dir);
    }
    if let Field::Weekday(wd) = field {
        let cur = i64::from(resolve::iso_weekday(r));
        let wd = i64::from(wd);
        let back = -((cur - wd).rem_euclid(7));
        let forward = (wd - cur).rem_euclid(7);
        let delta = match dir {
            Dir::Back { strict } if strict && back == 0 => -7,
            Dir::Forward { strict } if strict && forward == 0 => 7,
            Dir::Back { .. } | Dir::Lean(Tense::Past) => back,
            Dir::Forward { .. } | Dir::Lean(Tense::Future) => forward,
            Dir::Closest if forward < -back => forward,
            Dir::Closest => back,
        };
        return Point::new(resolve::add_days(r, delta)?, Grain::Day);
    }
    let t = field.truncate(r);
    let y = r.year();
    // February 29 recurs within eight years.
    let back = |strict: bool| {
        (0..8)
            .filter_map(|k| field.in_year(y - k))
            .find(|p| p.at < t || (!strict && p.at == t))
    };
    let forward = |strict: bool| {
        (0..8)
            .filter_map(|k| field.in_year(y + k))
            .find(|p| p.at > t || (!strict && p.at == t))
    };
    let closest = || {
        [y - 1, y, y + 1]
            .into_iter()
            .filter_map(|yy| field.in_year(yy))
            .min_by_key(|p| field.distance(p.at, t))
    };
    match dir {
        Dir::Back { strict } => back(strict),
        Dir::Forward { strict } => forward(strict),
        Dir::Closest => closest(),
        Dir::Lean(tense) => {
            let limit = match field {
                Field::Month(_) => 10,
                _ => 300,
            };
            let toward = match tense {
                Tense::Past => back(false),
                Tense::Future => forward(false),
            };
            toward
                .filter(|p| field.distance(p.at, t) < limit)
                .or_else(closest)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    /// The value of `e` with the document dated `doc` and the narrative's
    /// last point `story`.
    fn value(e: &Expr, doc: Option<NaiveDate>, story: Option<NaiveDate>) -> String {
        e.resolve(&|a| match a {
            Anchor::Document => doc,
            Anchor::Narrative(_) => story.or(doc),
        })
        .0
    }

    fn at(e: Expr, doc: NaiveDate) -> String {
        value(&e, Some(doc), None)
    }

    #[test]
    fn shifts_take_the_unit_granularity() {
        let r = d(2025, 2, 20);
        let doc = Expr::document;
        assert_eq!(at(doc().shift(-1, Unit::Week), r), "2025-W07");
        assert_eq!(at(doc().shift(-2, Unit::Week), r), "2025-W06");
        assert_eq!(at(doc().shift(0, Unit::Weekend), r), "2025-W08-WE");
        assert_eq!(at(doc().shift(-2, Unit::Month), r), "2024-12");
        assert_eq!(at(doc().shift(-1, Unit::Quarter), r), "2024-Q4");
        assert_eq!(at(doc().shift(5, Unit::Quarter), r), "2026-Q2");
        assert_eq!(at(doc().shift(0, Unit::Decade), r), "202");
        assert_eq!(at(doc().shift(-1, Unit::Century), r), "19");
        assert_eq!(at(doc().shift(-3, Unit::Day), r), "2025-02-17");
        assert_eq!(at(doc().shift(0, Unit::Week), d(2021, 1, 2)), "2020-W53");
        assert_eq!(at(doc().shift(-1, Unit::Hour), r), "XXXX-XX-XX");
    }

    #[test]
    fn intersections_fill_a_field_of_the_period() {
        let r = d(2025, 2, 20);
        assert_eq!(
            at(Expr::Year(2010).intersect(Field::Month(3)), r),
            "2010-03"
        );
        assert_eq!(
            at(
                Expr::document()
                    .shift(-1, Unit::Year)
                    .intersect(Field::Month(7)),
                r
            ),
            "2024-07"
        );
        // `this Monday` on a Thursday: the Monday of this week.
        assert_eq!(
            at(
                Expr::document()
                    .shift(0, Unit::Week)
                    .intersect(Field::Weekday(1)),
                r
            ),
            "2025-02-17"
        );
        assert_eq!(at(Expr::Year(2009).intersect(Field::Half(2)), r), "2009-H2");
        assert_eq!(
            at(Expr::Year(2009).intersect(Field::Quarter(3)), r),
            "2009-Q3"
        );
        assert_eq!(
            at(Expr::Year(2024).intersect(Field::Season("SU")), r),
            "2024-SU"
        );
        let easter = Field::Holiday(Holiday::Computed(resolve::easter));
        assert_eq!(at(Expr::Year(2025).intersect(easter), r), "2025-04-20");
        assert_eq!(
            at(Expr::Year(2025).intersect(Field::MonthDay(2, 30)), r),
            "XXXX-XX-XX"
        );
    }

    #[test]
    fn weekdays_by_direction() {
        let thu = d(2025, 2, 20);
        let near = |wd, dir| at(Expr::document().nearest(Field::Weekday(wd), dir), thu);
        let back = Dir::Back { strict: false };
        let forward = Dir::Forward { strict: false };
        assert_eq!(near(1, back), "2025-02-17");
        assert_eq!(near(1, forward), "2025-02-24");
        assert_eq!(near(4, back), "2025-02-20");
        assert_eq!(near(4, forward), "2025-02-20");
        assert_eq!(near(4, Dir::Back { strict: true }), "2025-02-13");
        assert_eq!(near(4, Dir::Forward { strict: true }), "2025-02-27");
        assert_eq!(near(5, Dir::Closest), "2025-02-21");
        assert_eq!(near(2, Dir::Closest), "2025-02-18");
    }

    #[test]
    fn yearly_fields_by_direction() {
        let r = d(2008, 9, 4);
        let near = |f, dir| at(Expr::document().nearest(f, dir), r);
        let back = Dir::Back { strict: false };
        let forward = Dir::Forward { strict: false };
        assert_eq!(near(Field::Month(11), back), "2007-11");
        assert_eq!(near(Field::Month(11), forward), "2008-11");
        assert_eq!(near(Field::Month(2), forward), "2009-02");
        // The current month is this one, unless strict (`last September`).
        assert_eq!(near(Field::Month(9), back), "2008-09");
        assert_eq!(near(Field::Month(9), Dir::Back { strict: true }), "2007-09");
        assert_eq!(
            near(Field::Month(9), Dir::Forward { strict: true }),
            "2009-09"
        );
        assert_eq!(near(Field::MonthDay(9, 10), back), "2007-09-10");
        assert_eq!(near(Field::MonthDay(2, 29), back), "2008-02-29");
        assert_eq!(
            at(
                Expr::document().nearest(Field::MonthDay(2, 29), back),
                d(2025, 3, 1)
            ),
            "2024-02-29"
        );
        assert_eq!(near(Field::Quarter(4), back), "2007-Q4");
        assert_eq!(near(Field::Quarter(3), back), "2008-Q3");
        let thanksgiving = Field::Holiday(Holiday::Computed(resolve::thanksgiving));
        assert_eq!(near(thanksgiving, back), "2007-11-22");
        assert_eq!(near(thanksgiving, forward), "2008-11-27");
    }

    #[test]
    fn seasons_by_direction() {
        let near = |code, dir, r| at(Expr::document().nearest(Field::Season(code), dir), r);
        let back = Dir::Back { strict: false };
        let forward = Dir::Forward { strict: false };
        // February: the summer gone is last year's, the coming one this year's.
        assert_eq!(near("SU", back, d(2025, 2, 10)), "2024-SU");
        assert_eq!(near("SU", forward, d(2025, 2, 10)), "2025-SU");
        // October: this year's summer either way back; forward, next year's.
        assert_eq!(near("SU", back, d(2025, 10, 1)), "2025-SU");
        assert_eq!(near("SU", forward, d(2025, 10, 1)), "2026-SU");
        // In the summer itself, both ways it is this one.
        assert_eq!(near("SU", back, d(2025, 7, 1)), "2025-SU");
        assert_eq!(near("SU", forward, d(2025, 7, 1)), "2025-SU");
        assert_eq!(
            near("SP", Dir::Back { strict: true }, d(2025, 4, 1)),
            "2024-SP"
        );
        assert_eq!(
            near("FA", Dir::Forward { strict: true }, d(2025, 10, 1)),
            "2026-FA"
        );
        // Winter spans two years: the reference's year.
        assert_eq!(near("WI", back, d(2025, 6, 1)), "2025-WI");
    }

    #[test]
    fn leaning_turns_to_the_closest_far_away() {
        let r = d(2025, 1, 15);
        let near = |f, dir| at(Expr::document().nearest(f, dir), r);
        let past = Dir::Lean(Tense::Past);
        // Ten months back is too far when the other is two months ahead.
        assert_eq!(near(Field::Month(3), past), "2025-03");
        assert_eq!(near(Field::Month(11), past), "2024-11");
        assert_eq!(near(Field::MonthDay(3, 9), past), "2025-03-09");
        assert_eq!(
            near(Field::MonthDay(1, 14), Dir::Lean(Tense::Future)),
            "2025-01-14"
        );
        assert_eq!(near(Field::MonthDay(12, 30), Dir::Closest), "2024-12-30");
    }

    #[test]
    fn anchors_and_unknowns() {
        let story = Some(d(2012, 9, 1));
        let doc = Some(d(2015, 6, 1));
        let e = Expr::narrative(Unit::Day).nearest(Field::MonthDay(9, 11), Dir::Closest);
        assert_eq!(value(&e, doc, story), "2012-09-11");
        let e = Expr::document().nearest(Field::MonthDay(9, 11), Dir::Closest);
        assert_eq!(value(&e, doc, story), "2015-09-11");
        assert_eq!(value(&e, None, None), "XXXX-09-11");
        let e = Expr::document().nearest(Field::Weekday(2), Dir::Closest);
        assert_eq!(value(&e, None, None), "XXXX-WXX-2");
        assert_eq!(
            value(&Expr::document().shift(-1, Unit::Week), None, None),
            "XXXX-WXX"
        );
    }
}
