//! The recognizer: a hand-written grammar of temporal expressions over the
//! shared tokens.
//!
//! At each token the scanner tries the expression families (explicit dates,
//! weekdays, deictic words, relative periods, durations, sets, times of day,
//! years, underspecified references) and keeps the longest match; a match
//! consumes its tokens, so mentions never overlap and come out in body order.
//! Matches never cross a sentence boundary.
//!
//! Span conventions follow TimeML/MEANTIME: a leading preposition stays out
//! (`on Monday` → `Monday`), determiners and modifiers that change the value
//! stay in (`the past decade`, `last week`, `early 2009`, `nearly five months`).
//!
//! The grammar says what a relative expression means as an operator tree
//! ([`super::tree`]) and evaluates it against an *anchor*: the publication
//! date for deictic words (`yesterday`, `last week`, `two weeks ago`), and
//! the last point mentioned so far for anaphoric ones (`the same day`, `the
//! following week`, `two days later`).

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::lexicon::{self, Lead, Unit};
use super::resolve::{self, Tense};
use super::tense::tense_cue;
use super::tree::{Anchor, Dir, Expr, Field, Holiday, Point};
use crate::event::DateType;
use crate::text::{Text, TokenKind};

/// One recognized expression, in token indices.
#[derive(Debug)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// TIMEX3 value.
    pub value: String,
    /// TimeML type.
    pub kind: DateType,
    /// The calendar day it denotes, if it is one: becomes the anchor for
    /// later anaphoric expressions.
    pub day: Option<NaiveDate>,
    /// A coarser point it denotes (first day of a month or year, with
    /// that unit): the anchor for `a year later`, `the following year`.
    pub coarse: Option<(NaiveDate, Unit)>,
    /// Whether it names a quarter outright (`the third quarter`): the
    /// reference for later `the quarter`, `a year earlier`.
    pub names_quarter: bool,
    /// How often a set recurs in each period (TIMEX3 `freq`: `2X` for
    /// `twice a week`).
    pub freq: Option<String>,
}

fn found(start: usize, end: usize, value: String, kind: DateType) -> Found {
    Found {
        start,
        end,
        value,
        kind,
        day: None,
        coarse: None,
        names_quarter: false,
        freq: None,
    }
}

fn found_day(start: usize, end: usize, d: Option<NaiveDate>, unknown: &str) -> Found {
    let d = d.filter(|d| resolve::plausible_year(d.year()));
    Found {
        start,
        end,
        value: d.map_or_else(|| unknown.to_string(), resolve::day),
        kind: DateType::Date,
        day: d,
        coarse: None,
        names_quarter: false,
        freq: None,
    }
}

/// A part of a day (`Wednesday night`, `this morning`): the day's value
/// with `T` and the part (`2025-02-19TNI`), or `unknown` for the day
/// (`XXXX-WXX-3`) when it is not known.
fn found_day_part(
    start: usize,
    end: usize,
    d: Option<NaiveDate>,
    unknown: &str,
    pod: &str,
) -> Found {
    let day = d.map_or_else(|| unknown.to_string(), resolve::day);
    Found {
        day: d,
        ..found(start, end, format!("{day}T{pod}"), DateType::Time)
    }
}

fn with_coarse(mut f: Found, point: Option<NaiveDate>, unit: Unit) -> Found {
    f.coarse = point.map(|p| (p, unit));
    f
}

/// Every token of a text lowercased, in one buffer (one allocation instead
/// of one per capitalized token).
pub struct Lowered {
    /// The lowercased tokens, back to back.
    buf: String,
    /// Byte range of each token in `buf`.
    bounds: Vec<(usize, usize)>,
    /// Tokens whose word a web layout glued to a month or weekday
    /// (`UpdatedMarch 3`, `FeaturedFebruary 6, 2016`; a run-together
    /// `followsFriday's`), with the bytes of the glued word before it: the
    /// grammar reads the name alone, and a mention starts after the word.
    glued: Vec<(usize, usize)>,
    /// Tokens whose clock time a live blog glued to the headline after it
    /// (`11:19PMRivals Trade Barbs`), with the bytes of the headline: the
    /// grammar reads the time alone, and a mention ends before the words.
    tails: Vec<(usize, usize)>,
}

impl Lowered {
    /// Lowercase every token of `text`.
    pub fn new(text: &Text<'_>) -> Self {
        let body = text.body();
        let mut buf = String::with_capacity(body.len());
        let mut bounds = Vec::with_capacity(text.tokens().len());
        let mut glued = Vec::new();
        let mut tails = Vec::new();
        for (i, t) in text.tokens().iter().enumerate() {
            let start = buf.len();
            let mut s = body.get(t.range()).unwrap_or("");
            if let Some(lead) = glued_name(text, i, s) {
                glued.push((i, lead));
                s = s.get(lead..).unwrap_or(s);
            } else if let Some(cut) = glued_stamp(s) {
                tails.push((i, s.len() - cut));
                s = s.get(..cut).unwrap_or(s);
            }
            if s.is_ascii() {
                buf.push_str(s);
                if let Some(tail) = buf.get_mut(start..) {
                    tail.make_ascii_lowercase();
                }
            } else {
                buf.extend(s.chars().flat_map(char::to_lowercase));
            }
            bounds.push((start, buf.len()));
        }
        Lowered {
            buf,
            bounds,
            glued,
            tails,
        }
    }

    /// The bytes of a headline glued after the clock time of token `i`
    /// (0 for most tokens).
    pub fn tail(&self, i: usize) -> usize {
        bytes_of(&self.tails, i)
    }

    /// The bytes of a glued word before the month or weekday of token `i`
    /// (0 for most tokens).
    pub fn lead(&self, i: usize) -> usize {
        bytes_of(&self.glued, i)
    }

    /// The lowercased tokens, by token index.
    fn words(&self) -> Vec<&str> {
        self.bounds
            .iter()
            .map(|&(a, b)| self.buf.get(a..b).unwrap_or(""))
            .collect()
    }
}

/// The byte count `pairs` (token index, bytes; in token order, so a binary
/// search, cheap on any input) gives token `i`: 0 for a token not listed.
fn bytes_of(pairs: &[(usize, usize)], i: usize) -> usize {
    pairs
        .binary_search_by_key(&i, |&(t, _)| t)
        .ok()
        .and_then(|k| pairs.get(k))
        .map_or(0, |&(_, n)| n)
}

/// The length of the word glued before a month or weekday in token `i`
/// (text `s`): a lowercase letter, then the name capitalized and written
/// out in full, ending the token. A month only before a day of the month
/// (`FeaturedFebruary 6`: a layout's label run into its date; not a name
/// such as `DeMarch`), a weekday only in a word starting lowercase (two
/// words run together by a typo, `followsFriday's`; not a hashtag's
/// `SuperTuesday`).
fn glued_name(text: &Text<'_>, i: usize, s: &str) -> Option<usize> {
    let t = text.tokens().get(i)?;
    if t.kind != TokenKind::Word || !s.is_ascii() || s.len() < 8 {
        return None;
    }
    let b = s.as_bytes();
    let (at, name) = (2..b.len().saturating_sub(2))
        .filter(|&k| b[k].is_ascii_uppercase() && b[k - 1].is_ascii_lowercase())
        .find_map(|k| {
            let name = s.get(k..)?.to_ascii_lowercase();
            (lexicon::month(&name).is_some() || lexicon::weekday_full(&name).is_some())
                .then_some((k, name))
        })?;
    let day_after = || {
        text.get_text(i + 1).is_some_and(|n| {
            n.len() <= 2
                && n.bytes().all(|c| c.is_ascii_digit())
                && n.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        })
    };
    let month = lexicon::month(&name).is_some() && !lexicon::is_month_abbrev(&name);
    let weekday = lexicon::weekday_full(&name).is_some() && b[0].is_ascii_lowercase();
    ((month && day_after()) || weekday).then_some(at)
}

/// The length of a clock time with its marker (`11:19PM`, `9am`) that
/// starts token text `s` and runs into a capitalized word (`9:12PMRivals`,
/// a live blog's stamp glued to its entry's headline); `None` for any
/// other token.
fn glued_stamp(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b.first()?.is_ascii_digit() || !s.is_ascii() {
        return None;
    }
    let digits = b.iter().position(|c| !(c.is_ascii_digit() || *c == b':'))?;
    let (clock, rest) = (s.get(..digits)?, b.get(digits..)?);
    let (hh, mm) = clock.split_once(':').unwrap_or((clock, "00"));
    if hh.is_empty() || hh.len() > 2 || mm.len() != 2 {
        return None;
    }
    let marker = rest.get(..2)?;
    let upper_next = rest.get(2).is_some_and(u8::is_ascii_uppercase);
    (matches!(marker, b"AM" | b"PM" | b"am" | b"pm") && upper_next).then_some(digits + 2)
}

/// Scanner state over one text.
/// The year of the September 11 attacks, which news names without it.
const SEPTEMBER_11_YEAR: i32 = 2001;

/// How many days before a holiday a past clause still means this year's
/// (its season: parties, shopping, ads), four weeks and a bit.
const HOLIDAY_SEASON_DAYS: i64 = 31;

pub struct Scanner<'t, 'a> {
    /// The analysed text.
    text: &'t Text<'a>,
    /// Every token lowercased once.
    lower: Vec<&'t str>,
    /// The lowercased tokens, with the months and weekdays glued to a word.
    lowered: &'t Lowered,
    /// Publication date: reference for deictic expressions.
    published: Option<NaiveDate>,
    /// Last point mentioned, with its granularity (`Day`, `Month` or
    /// `Year`): reference for anaphoric expressions.
    anchor: Option<(NaiveDate, Unit)>,
    /// Last day mentioned (a later month or year does not erase it).
    day_anchor: Option<NaiveDate>,
    /// Token range of the sentence being scanned.
    sent: Range<usize>,
    /// Index of the sentence being scanned.
    sent_no: usize,
    /// Last quarter mentioned (year, quarter) and the sentence it was in:
    /// the reference for `the quarter`, `the year-ago quarter`, and for
    /// `a year earlier` in a report comparing quarters.
    quarter_anchor: Option<(i32, u32, usize)>,
    /// The sentence the last day was mentioned in.
    day_anchor_sent: usize,
    /// The narrative's year: the year last written out in an expression
    /// (`in 2012`, `May 3, 2012`), with the sentence of the last point that
    /// stayed in it. A point in another year ends it.
    story_year: Option<(i32, usize)>,
    /// The year last written with each month-day (`Sept. 11, 2001`),
    /// indexed by [`month_day_slot`]: a later `Sept. 11` without one is
    /// mostly the same day. (A fixed table: constant time on any input.)
    written_days: [Option<i32>; 12 * 31],
    /// Last day mentioned that is not after publication: the reference of
    /// an anaphoric day in a past clause when the last day is still to come.
    past_day_anchor: Option<NaiveDate>,
    /// The day of the last clock time heading a timeline's entry
    /// (`11:40 a.m. — Police arrive`): the day of the next ones.
    entry_stamp_day: Option<String>,
}

impl<'t, 'a> Scanner<'t, 'a> {
    /// Prepare to scan `text`.
    pub fn new(text: &'t Text<'a>, lowered: &'t Lowered, published: Option<NaiveDate>) -> Self {
        let lower = lowered.words();
        // Values must keep four-digit years, even one step either side.
        let published = published.filter(|p| (1001..=9998).contains(&p.year()));
        Scanner {
            text,
            lower,
            lowered,
            published,
            anchor: published.map(|p| (p, Unit::Day)),
            day_anchor: published,
            sent: 0..0,
            sent_no: 0,
            quarter_anchor: None,
            day_anchor_sent: usize::MAX,
            story_year: None,
            written_days: [None; 12 * 31],
            past_day_anchor: published,
            entry_stamp_day: None,
        }
    }

    /// Every expression of the text, in body order, non-overlapping.
    pub fn scan(mut self) -> Vec<Found> {
        let mut out = Vec::new();
        for (no, s) in self.text.sentences().iter().enumerate() {
            self.sent = s.tokens();
            self.sent_no = no;
            let mut i = self.sent.start;
            while i < self.sent.end {
                match self.match_at(i) {
                    Some(mut f) if f.end > i && f.start >= i && f.end <= self.sent.end => {
                        let second = self.second_day_of_range(&mut f);
                        if let Some(d) = f.day {
                            if (f.start..f.end).any(|k| self.year_num(k).is_some()) {
                                if let Some(slot) = self
                                    .written_days
                                    .get_mut(month_day_slot(d.month(), d.day()))
                                {
                                    *slot = Some(d.year());
                                }
                            }
                            self.anchor = Some((d, Unit::Day));
                            self.day_anchor = Some(d);
                            if self.published.is_none_or(|p| d <= p) {
                                self.past_day_anchor = Some(d);
                            }
                            self.day_anchor_sent = self.sent_no;
                        } else if f.coarse.is_some() {
                            self.anchor = f.coarse;
                        }
                        self.follow_story(&f);
                        if f.kind == DateType::Time && self.entry_stamp(f.start) {
                            self.entry_stamp_day = f.value.get(..10).map(str::to_string);
                        }
                        // Results are reported after their quarter: one still
                        // to end (`a fourth-quarter charge` expected in an
                        // October report) is no reference for `the latest
                        // quarter` or `a year ago`, unless a past clause
                        // reports it (a fiscal quarter, numbered ahead).
                        if let Some((y, q)) = parse_quarter(&f.value)
                            .filter(|_| f.names_quarter)
                            .filter(|&(y, q)| {
                                self.quarter_ended(y, q)
                                    || self.direction(f.start..f.end) == Some(Tense::Past)
                            })
                        {
                            self.quarter_anchor = Some((y, q, self.sent_no));
                        }
                        i = f.end;
                        out.push(f);
                        if let Some(g) = second {
                            i = g.end;
                            out.push(g);
                        }
                    }
                    _ => i += 1,
                }
            }
        }
        out
    }

    // ---- token access (all bounded by the current sentence) ----

    /// Lowercased token `i`, or `""` outside the sentence.
    fn w(&self, i: usize) -> &str {
        if self.sent.contains(&i) {
            self.lower.get(i).copied().unwrap_or("")
        } else {
            ""
        }
    }

    /// Lowercased token before `i` (`""` at the sentence start).
    fn prev(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |p| self.w(p))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        if self.sent.contains(&i) {
            self.text.tokens().get(i).map(|t| t.kind)
        } else {
            None
        }
    }

    /// Whether token `i` is glued to the previous one (no space).
    fn glued(&self, i: usize) -> bool {
        self.sent.contains(&i) && self.text.tokens().get(i).is_some_and(|t| !t.space_before)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.sent.contains(&i) && (self.text.is_capitalized(i) || self.lowered.lead(i) > 0)
    }

    /// A plain digit run (no separators) and its value.
    fn digits(&self, i: usize) -> Option<(u32, usize)> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let s = self.w(i);
        if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok().map(|v| (v, s.len()))
    }

    /// The second day of a range or pair written after a month-day
    /// (`April 24 and 25`, `March 17-20`, `Nov. 6 to 10`): its own
    /// expression, as TimeML annotates ranges, in the first day's month
    /// and year; a year written after it (`March 17-20, 2016`) is both
    /// days' and is part of the second. The later day must be later in
    /// the month, and not a number of something (`from 61 percent on May 9
    /// to 57 percent`).
    fn second_day_of_range(&self, f: &mut Found) -> Option<Found> {
        if f.kind != DateType::Date || f.value.len() != 10 || f.end < 1 {
            return None;
        }
        let first = self.day_num(f.end - 1)?;
        let link = self.w(f.end);
        let hyphen = link == "-" && self.glued(f.end) && self.glued(f.end + 1);
        if !(hyphen || matches!(link, "and" | "or" | "to" | "through" | "thru")) {
            return None;
        }
        let at = f.end + 1;
        let day = self.day_num(at).filter(|&d| d > first)?;
        let next = self.w(at + 1);
        if lexicon::unit(next).is_some()
            || matches!(
                next,
                "percent" | "%" | "points" | "point" | "a.m." | "p.m." | "am" | "pm" | ":" | "-"
            )
        {
            return None;
        }
        let year = match (next, self.year_num(at + 1), self.year_num(at + 2)) {
            (_, Some(y), _) => Some((y, at + 2)),
            (",", _, Some(y)) => Some((y, at + 3)),
            _ => None,
        };
        let month_of = |y: &str| format!("{y}{}", f.value.get(4..8).unwrap_or_default());
        let (prefix, end) = match year {
            Some((y, end)) => (month_of(&format!("{y:04}")), end),
            None => (f.value.get(..8)?.to_string(), at + 1),
        };
        let value = format!("{prefix}{day:02}");
        let date = NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok();
        if (f.day.is_some() || year.is_some()) && date.is_none() {
            return None;
        }
        if year.is_some() {
            let first = format!("{prefix}{}", f.value.get(8..)?);
            f.day = NaiveDate::parse_from_str(&first, "%Y-%m-%d").ok();
            f.value = first;
        }
        Some(Found {
            start: at,
            end,
            value,
            kind: DateType::Date,
            day: date,
            coarse: None,
            names_quarter: false,
            freq: None,
        })
    }

    /// A day of month: `20`, `2nd`, `20th`.
    fn day_num(&self, i: usize) -> Option<u32> {
        let v = match self.kind(i)? {
            TokenKind::Number => {
                let (v, len) = self.digits(i)?;
                (len <= 2).then_some(v)?
            }
            TokenKind::Word => {
                let s = self.w(i);
                let num = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let suffix = &s[num.len()..];
                if !matches!(suffix, "st" | "nd" | "rd" | "th") || num.is_empty() || num.len() > 2 {
                    return None;
                }
                num.parse().ok()?
            }
            _ => return None,
        };
        (1..=31).contains(&v).then_some(v)
    }

    /// A four-digit year written after a month or day (any plausible year).
    fn year_num(&self, i: usize) -> Option<i32> {
        let (v, len) = self.digits(i)?;
        if len != 4 || !(1000..=2999).contains(&v) {
            return None;
        }
        // Not "May 2025 people", not "2,025".
        if self.w(i + 1) == "%" {
            return None;
        }
        i32::try_from(v).ok()
    }

    /// The clause's tense around `span`; the past when nothing says (news
    /// mostly reports what happened).
    fn tense(&self, span: Range<usize>) -> Tense {
        self.direction(span).unwrap_or(Tense::Past)
    }

    /// The direction of a bare weekday: as [`Self::direction`], except that
    /// a deadline within the week (`by Wednesday`, `until Thursday`) in a
    /// past clause is the one just gone (`had filed reports by Wednesday`).
    fn weekday_tense(&self, span: Range<usize>) -> Tense {
        if self.dates_an_outcome(span.clone()) {
            return Tense::Past;
        }
        let start = span.start;
        let deadline = if matches!(
            self.prev(start),
            "by" | "until" | "till" | "through" | "thru"
        ) {
            Some(start - 1)
        } else if matches!(self.w(start.wrapping_sub(2)), "by" | "until") {
            Some(start - 2)
        } else {
            None
        };
        // A deadline opening the sentence ("Until Thursday, they had not
        // ..."): the main clause's cue decides, not the deadline word (a
        // future cue of its own).
        let opening = deadline.filter(|&d| {
            d == self.sent.start || (d == self.sent.start + 1 && self.w(d - 1) == "up")
        });
        let cue_span = opening.map_or(span.clone(), |d| d..span.end);
        match (self.direction(span), self.tense_cue(cue_span)) {
            (Some(Tense::Future), Some(Tense::Past)) if deadline.is_some() => Tense::Past,
            (d, _) => d.unwrap_or(Tense::Past),
        }
    }

    /// Whether the weekday at `span` dates a contest's outcome told as
    /// known: a definite outcome noun before it, across names and
    /// prepositions (`the win Tuesday`, `her victories in Ohio and Utah on
    /// Tuesday`, `Rivera's victory in Monday's caucus`), or any after
    /// `after`, `following` (`after a narrow defeat in Iowa Monday`), or
    /// the weekday possessing it (`Tuesday's win`). An outcome is known
    /// only once the contest was held: a modal or a future around it
    /// (`should get a lift from the victory Friday`) tells what follows,
    /// not when the contest is. An indefinite one may still be hoped for
    /// (`a win Tuesday would`, `two further wins on Friday`).
    fn dates_an_outcome(&self, span: Range<usize>) -> bool {
        // `Tuesday's win`, `Monday night's stunning upset`.
        let mut k = span.end;
        if matches!(self.w(k), "'s" | "’s") {
            k += 1;
            let noun = (k..k + 3).find(|&m| lexicon::is_outcome_noun(self.w(m)));
            if noun.is_some_and(|n| (k..n).all(|m| self.kind(m) == Some(TokenKind::Word))) {
                return true;
            }
        }
        // Back over names, prepositions and list commas to the noun.
        let mut k = span.start;
        if matches!(self.prev(k), "on") {
            k -= 1;
        }
        for _ in 0..10 {
            let Some(p) = k.checked_sub(1).filter(|&p| p >= self.sent.start) else {
                return false;
            };
            let w = self.w(p);
            if lexicon::is_outcome_noun(w) {
                return self.definite_or_after(p);
            }
            let between = matches!(w, "in" | "at" | "over" | "against" | "and" | "'s" | "’s")
                || (w == "," && self.capitalized(p + 1))
                || (self.capitalized(p) && p > self.sent.start);
            if !between {
                return false;
            }
            k = p;
        }
        false
    }

    /// Whether the noun at `n` has a definite determiner or possessor
    /// (`the`, `her`, `Rivera's`) or follows `after`/`following`, across a
    /// few modifiers that look like adjectives (`her narrow three-state`,
    /// `a humbling, 20-point`); not a verb after its subject (`if the
    /// party wins Tuesday`: `party` is no modifier).
    fn definite_or_after(&self, n: usize) -> bool {
        for p in (n.saturating_sub(6).max(self.sent.start)..n).rev() {
            let w = self.w(p);
            match w {
                "after" | "following" => return true,
                "the" | "his" | "her" | "their" | "its" | "our" | "'s" | "’s" => {
                    return !matches!(self.prev(p), "for")
                }
                "a" | "an" | "another" => return matches!(self.prev(p), "after" | "following"),
                _ => {}
            }
            let hyphenated = w == "-" || self.w(p + 1) == "-" || self.prev(p) == "-";
            let adjective = ["ing", "ed", "al", "ive", "ic", "ous", "ful", "est"]
                .iter()
                .any(|x| w.len() > 4 && w.ends_with(x))
                || matches!(
                    w,
                    "big" | "narrow" | "huge" | "close" | "clear" | "easy" | "surprise"
                );
            let modifier =
                w == "," || self.kind(p) == Some(TokenKind::Number) || hyphenated || adjective;
            if !modifier {
                return false;
            }
        }
        false
    }

    /// The direction of a month or month-day: as [`Self::direction`],
    /// except that a deadline (`by June`, `until May`, `through the end of
    /// September`) in a clause told in the past is the one gone: a total
    /// told as reached (`had raised $3 million by the end of June`), a
    /// stretch told as over (`had paid rent until May`). Not after a verb
    /// that moves a time ahead (`was put off until March`, `postponed the
    /// vote until June`), whose deadline is still to come.
    fn deadline_direction(&self, span: Range<usize>) -> Option<Tense> {
        let direction = self.direction(span.clone());
        if direction != Some(Tense::Future) {
            return direction;
        }
        let j = self.lead_start(span.start, Lead::Part);
        if !(j > self.sent.start
            && matches!(self.w(j - 1), "by" | "until" | "till" | "through" | "thru"))
        {
            return direction;
        }
        let d = j - 1;
        // "postponed the vote until June": the moving verb a few words back.
        let moved = (d.saturating_sub(4).max(self.sent.start)..d).any(|k| {
            lexicon::is_delay_verb(self.w(k)) || (matches!(self.w(k), "off" | "back") && d - k == 1)
        });
        // A past perfect (`had spent`, `had been paying`), or a total over a
        // period to its end (`spent $40,000 through the end of April`; a
        // bare `through January` is as often a term still running), tells the deadline as
        // reached; a past verb of saying alone does not (`said it would
        // sell the unit by June`, a future reported).
        let clause = self.clause(span.clone());
        let reached = (matches!(self.w(d), "through" | "thru") && self.w(d + 2) == "end")
            || (clause.start..clause.end).any(|k| matches!(self.w(k), "had" | "'d" | "’d"));
        // The clause's cue, not the deadline word's own (`until` is one).
        match self.tense_cue(d..span.end) {
            Some(Tense::Past) if reached && !moved => Some(Tense::Past),
            _ => direction,
        }
    }

    /// Whether a bare month or month-day is governed by `will` (`the plant
    /// will open in February`, `won't vote until June`, `will sign it on
    /// Feb. 3`): the coming one however far,
    /// as news names a month ahead with `will` only for the next one.
    fn will_ahead(&self, span: Range<usize>) -> bool {
        let clause = self.clause(span.clone());
        // (A month dating a noun is not: `will get the November jobs
        // report` is the report on the month gone.)
        matches!(
            self.prev(span.start),
            "in" | "on" | "until" | "till" | "by" | "before" | "during" | "through"
        ) && self.direction(span.clone()) == Some(Tense::Future)
            && (clause.start..span.start)
                .any(|k| matches!(self.w(k), "will" | "'ll" | "’ll" | "won't" | "won’t" | "wo"))
            && !(clause.start..span.start)
                .any(|k| self.w(k) == "last" || self.year_num(k).is_some())
    }

    /// The direction a bare name (`June`, `Friday`, `the third quarter`)
    /// points in: a preposition or adjective right before it decides first
    /// (`by June`, `until Friday`, `payable Dec. 1`, `as soon as Tuesday`
    /// forward; `since June` back), then the clause's tense cue.
    fn direction(&self, span: Range<usize>) -> Option<Tense> {
        // "as Election Day nears", "with the deadline that looms": a time
        // said to come closer is still to come.
        if matches!(self.w(span.end), "nears" | "approaches" | "looms") {
            return Some(Tense::Future);
        }
        // "since taking office in January", "since announcing it in
        // October": `since` governs the participle's time too.
        let since_participle = (span.start.saturating_sub(6)..span.start).any(|k| {
            self.w(k) == "since"
                && self.w(k + 1).ends_with("ing")
                && (k + 1..span.start).all(|m| self.kind(m) == Some(TokenKind::Word))
        });
        if since_participle {
            return Some(Tense::Past);
        }
        let mut j = span.start;
        for _ in 0..8 {
            let Some(p) = j.checked_sub(1) else { break };
            let w = self.w(p);
            match w {
                _ if lexicon::lead(w).is_some() => j = p,
                // A possessor: "ahead of the state's Tuesday primary",
                // "ahead of New York's Tuesday primary".
                "'s" | "’s" => j = p,
                "by" | "until" | "till" | "through" | "thru" | "payable" | "effective" | "due" => {
                    return Some(Tense::Future)
                }
                // "ahead of Tuesday's vote": an event still to come.
                "ahead" if self.w(p + 1) == "of" => return Some(Tense::Future),
                // "going into November", "heading into the June primary":
                // a movement toward a time still to come, unless told as
                // past (`had won 40 delegates heading into Tuesday's vote`).
                "into" if matches!(self.prev(p), "going" | "heading" | "headed") => {
                    return match self.tense_cue(span) {
                        Some(Tense::Past) => Some(Tense::Past),
                        _ => Some(Tense::Future),
                    };
                }
                "as" if self.prev(p) == "soon" => return Some(Tense::Future),
                "since" => return Some(Tense::Past),
                _ if matches!(self.w(j), "'s" | "’s")
                    || (j != span.start && self.capitalized(p) && self.capitalized(j)) =>
                {
                    j = p
                }
                // A hyphenated adjective: "ahead of the delegate-rich Tuesday
                // primary".
                _ if (self.w(p + 1) == "-" && self.glued(p + 1))
                    || (self.w(p.wrapping_sub(1)) == "-" && self.glued(p)) =>
                {
                    j = p
                }
                _ => break,
            }
        }
        self.tense_cue(span)
    }

    /// Whether `since` governs the name starting at token `start` (`since
    /// June`, `since early March`, `since the May 3 vote`): a point that
    /// cannot lie after the reference, however far back (the ten-month
    /// lean toward the nearer occurrence does not apply).
    fn since_before(&self, start: usize) -> bool {
        let j = self.lead_start(start, Lead::Modifier);
        j > self.sent.start && self.w(j - 1) == "since"
    }

    /// Where the words before token `start` that lead into a time name
    /// open, walking back in the sentence across [`lexicon::lead`] steps
    /// up to `upto` (`the end of` before `June` when `upto` is
    /// [`Lead::Part`]).
    fn lead_start(&self, start: usize, upto: Lead) -> usize {
        let mut j = start;
        while j > self.sent.start && lexicon::lead(self.w(j - 1)).is_some_and(|l| l <= upto) {
            j -= 1;
        }
        j
    }

    /// Whether the name ending before token `e` dates a vote (`the
    /// November election`, `Sunday's crucial state primary`, `New
    /// York's Tuesday primary`): across a possessive `'s`, a part of the
    /// day, names, hyphenated and vote adjectives, to a vote noun.
    fn dates_a_vote(&self, e: usize) -> bool {
        let mut k = e;
        if lexicon::part_of_day(self.w(k)).is_some() {
            k += 1;
        }
        if matches!(self.w(k), "'s" | "’s") {
            k += 1;
        }
        for _ in 0..6 {
            let w = self.w(k);
            if lexicon::is_vote_noun(w) {
                return true;
            }
            let hyphenated = w == "-" || self.w(k + 1) == "-";
            if !(self.capitalized(k) || hyphenated || lexicon::is_vote_adjective(w)) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Whether the weekday at `i..e` dates a vote that a time before it
    /// is told against: `Some(true)` after `ahead of`, `the run-up to`,
    /// `the lead-up to` (`spent heavily ahead of the county caucuses on
    /// Monday`: still to come), `Some(false)` after `before`, `prior to`,
    /// `leading up to` (`polls taken before Tuesday's runoff`), which
    /// news writes both before the vote and after it: the nearer Tuesday,
    /// as a vote further gone is `last Tuesday's`. With the weekday before
    /// the vote (`Tuesday's primary`) or after it (`the primary on
    /// Tuesday`).
    fn vote_lead_in(&self, i: usize, e: usize) -> Option<bool> {
        let mut k = if self.dates_a_vote(e) {
            i
        } else {
            let mut v = i;
            if self.prev(v) == "on" {
                v -= 1;
            }
            if !(v > self.sent.start && lexicon::is_vote_noun(self.prev(v))) {
                return None;
            }
            v - 1
        };
        // Back over the vote's modifiers (`the state's crucial`, `the New
        // Hampshire`, `the county`) to the word that governs it.
        for _ in 0..6 {
            let (g, g2, g3) = (
                self.prev(k),
                self.prev(k.saturating_sub(1)),
                self.prev(k.saturating_sub(2)),
            );
            match (g3, g2, g) {
                // (`run-up` is three tokens.)
                (_, "ahead", "of") | ("-" | "lead" | "run", "up", "to") => return Some(true),
                (_, "run-up" | "lead-up", "to") => return Some(true),
                (_, "prior", "to") | ("leading", "up", "to") | (_, _, "before") => {
                    return Some(false)
                }
                _ => {}
            }
            let modifier = matches!(g, "'s" | "’s" | "-")
                || (k > self.sent.start + 1
                    && self.kind(k - 1) == Some(TokenKind::Word)
                    && !lexicon::is_preposition(g));
            if !modifier {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// A month dating a vote, in a clause not told in the past, is the
    /// coming one (or this month's): a vote is set months ahead and news
    /// names it before it is held, while one held a year ago is told with
    /// its year or a past verb (`won the November election`). Not bound by
    /// the ten months a tense leans (`can win the November election` in
    /// January). A
    /// weekday is not: news tells of the week's past votes without a
    /// verb as often as of coming ones (`his victory in Tuesday's
    /// primary`), so it keeps the weekday rule (measured on campaign news).
    fn vote_ahead(&self, span: Range<usize>) -> bool {
        self.dates_a_vote(span.end) && self.direction(span) != Some(Tense::Past)
    }

    /// The tense the nearest cue of the clause gives, if any. The clause
    /// ends at a quotation mark, a colon, a semicolon or `but`: a quotation
    /// has its own tense (`said on Monday: "We can win"`), and so has the
    /// clause quoting it; `won Tuesday, but may lose later` are two.
    fn tense_cue(&self, span: Range<usize>) -> Option<Tense> {
        let sent = self.clause(span.clone());
        tense_cue(
            self.lower.get(sent.clone()).unwrap_or(&[]),
            0..sent.len(),
            span.start.saturating_sub(sent.start)..span.end.saturating_sub(sent.start),
        )
    }

    /// The tokens of the clause around `span`: the sentence, cut at the
    /// nearest quotation mark, colon, semicolon or `but` on each side.
    fn clause(&self, span: Range<usize>) -> Range<usize> {
        let boundary = |k: usize| {
            self.kind(k) == Some(TokenKind::Quote) || matches!(self.w(k), ":" | ";" | "but")
        };
        let start = (self.sent.start..span.start)
            .rev()
            .find(|&k| boundary(k))
            .map_or(self.sent.start, |k| k + 1);
        let end = (span.end..self.sent.end)
            .find(|&k| boundary(k))
            .unwrap_or(self.sent.end);
        start..end
    }

    /// Track the narrative's year past expression `f`: a year written in
    /// it starts one; a point in that year (`in 2019, on Sept. 3 and on
    /// Sept. 9`) carries it on; a point in another year ends it; other
    /// expressions (`for three years`, `recently`) leave it.
    fn follow_story(&mut self, f: &Found) {
        if let Some(y) = (f.start..f.end).find_map(|k| self.year_num(k)) {
            self.story_year = Some((y, self.sent_no));
            return;
        }
        // The year of the point, as its value writes it (`2014-W07`).
        let year = f
            .value
            .get(..4)
            .filter(|v| v.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|v| v.parse::<i32>().ok());
        // A bare month (`in September`) names no year: news's nearest
        // occurrence is a guess, which neither carries the story on nor
        // ends it.
        let bare_month = f.value.len() == 7
            && (f.start..f.end).any(|k| lexicon::month(self.w(k)).is_some())
            && !(f.start..f.end).any(|k| matches!(self.w(k), "this" | "last" | "next" | "month"));
        if bare_month {
            return;
        }
        if let (Some((y, _)), Some(vy)) = (self.story_year, year) {
            self.story_year = (vy == y).then_some((y, self.sent_no));
        }
    }

    /// Month `m`, day `d` without a year: by the tense when a cue says,
    /// else the occurrence nearest publication (`March 9` in a February
    /// article without a verb cue is the coming one).
    fn month_day_expr(&self, m: u32, d: u32, span: Range<usize>) -> Expr {
        let field = Field::MonthDay(m, d);
        // Ten months or more away in the tense's direction, when the other
        // occurrence is two months away at most: the cue misled (`the
        // deadline set for Jan. 14` in a January 15 article).
        let direction = self.deadline_direction(span.clone());
        // The same month-day written out with its year earlier in the
        // article (`the Sept. 11, 2001, attacks` ... `the Sept. 11
        // attacks`), unless the clause looks ahead to the next one.
        if direction != Some(Tense::Future) {
            if let Some(y) = self
                .written_days
                .get(month_day_slot(m, d))
                .copied()
                .flatten()
            {
                return Expr::Year(y).intersect(field);
            }
        }
        // "the Sept. 11 attacks", "the September 11 terrorist attacks":
        // a named event of one year, as a reader of news takes it (a
        // Sept. 11 written with another year above wins, as just done).
        if (m, d) == (9, 11) {
            let k = if matches!(self.w(span.end), "terrorist" | "terror") {
                span.end + 1
            } else {
                span.end
            };
            if self.w(k) == "attacks" {
                return Expr::Year(SEPTEMBER_11_YEAR).intersect(field);
            }
        }
        let dir = if self.since_before(span.start) {
            Dir::Back { strict: false }
        } else if self.vote_ahead(span.clone()) || self.will_ahead(span.clone()) {
            Dir::Forward { strict: false }
        } else {
            direction.map_or(Dir::Closest, Dir::Lean)
        };
        self.in_story(field, Expr::document().nearest(field, dir), span)
    }

    /// A month-day without a year (`field`, meaning `news` seen from
    /// publication) in the narrative's year, when the story is in an
    /// earlier year and the clause does not point forward: when the year
    /// was written in this sentence (`in 2012, on September 11`), or a few
    /// sentences back and `news` is not around publication (a story about
    /// 2012, published in 2015, whose `September 11` is 2012's). Bare
    /// months stay with publication: `in May` a few sentences after a
    /// year is mostly this year's May (measured on news, where the
    /// narrative rule for months was wrong more often than right).
    fn in_story(&self, field: Field, news: Expr, span: Range<usize>) -> Expr {
        if let (Some((y, at)), Some(p)) = (self.story_year, self.published) {
            let near_publication = || {
                self.eval(&news)
                    .1
                    .is_some_and(|x| (x.at - p).num_days().abs() <= NEWS_DAYS)
            };
            if y < p.year()
                && self.direction(span) != Some(Tense::Future)
                && (at == self.sent_no
                    || (self.sent_no - at <= STORY_SENTENCES && !near_publication()))
            {
                return Expr::Year(y).intersect(field);
            }
        }
        news
    }

    /// The anaphoric reference for an expression counted in `unit`: the
    /// last point mentioned when it is at least that precise, else publication.
    fn reference_for(&self, unit: Unit) -> Option<NaiveDate> {
        match self.anchor {
            Some((d, g)) if !coarser(g, unit) => Some(d),
            _ => self.day_anchor.or(self.published),
        }
    }

    /// The date an anchor stands for here.
    fn anchor_date(&self, a: Anchor) -> Option<NaiveDate> {
        match a {
            Anchor::Document => self.published,
            Anchor::Narrative(unit) => self.reference_for(unit),
        }
    }

    /// The value of an operator tree here, and its point.
    fn eval(&self, e: &Expr) -> (String, Option<Point>) {
        e.resolve(&|a| self.anchor_date(a))
    }

    /// A date expression over tokens `start..end` meaning `e`; a day it
    /// denotes becomes the anchor of later anaphoric expressions.
    fn found_tree(&self, start: usize, end: usize, e: &Expr) -> Found {
        let (value, point) = self.eval(e);
        Found {
            day: point.and_then(|p| p.day()),
            ..found(start, end, value, DateType::Date)
        }
    }

    /// [`Self::found_tree`] for a month (`March`, `last June`): the month
    /// is the anchor of a later `the following month`, `a year later`.
    fn found_month(&self, start: usize, end: usize, e: &Expr) -> Found {
        let (value, point) = self.eval(e);
        let f = found(start, end, value, DateType::Date);
        with_coarse(f, point.map(|p| p.at), Unit::Month)
    }

    // ---- the grammar ----

    /// The longest expression starting at token `i`.
    fn match_at(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if !self.may_start(i, w) {
            return None;
        }
        // Very common function words start an expression only before a
        // word that can continue one: skip the full grammar otherwise.
        if matches!(
            w,
            "the" | "a" | "an" | "that" | "this" | "at" | "more" | "new" | "these"
        ) {
            let next = self.w(i + 1);
            let continues = matches!(
                next,
                "future"
                    | "near"
                    | "time"
                    | "start"
                    | "end"
                    | "beginning"
                    | "close"
                    | "rest"
                    | "remainder"
                    | "present"
                    | "fiscal"
                    | "financial"
                    | "full"
                    | "latest"
                    | "comparable"
                    | "corresponding"
                    | "year"
                    | "couple"
                    | "half"
                    | "moment"
            ) || lexicon::part_of_day(next).is_some()
                || lexicon::decade_word(next).is_some()
                || self.may_start(i + 1, next);
            if !continues {
                return None;
            }
        }
        let candidates = [
            self.explicit_date(i),
            self.weekday_expr(i),
            self.deictic(i),
            self.relative_period(i),
            self.count_expr(i),
            self.range_start(i),
            self.vague_duration(i),
            self.quarter_expr(i).map(|f| Found {
                names_quarter: true,
                ..f
            }),
            self.quarter_ref(i),
            self.year_ended(i),
            self.reporting_year(i),
            self.year_end(i),
            self.set_expr(i),
            self.frequency(i),
            self.time_of_day(i),
            self.year_expr(i),
            self.decade_expr(i),
            self.century_expr(i),
            self.season_expr(i),
            self.holiday(i),
            self.reference_word(i),
            self.anaphoric_day(i),
            self.part_of_day(i),
            self.week_of(i),
            self.ordinal_day(i),
        ];
        let mut best: Option<Found> = None;
        for c in candidates.into_iter().flatten() {
            // A glued word is no part of an expression begun before it
            // (`This followsFriday's`: not `this Friday`).
            if (c.start + 1..c.end).any(|k| self.lowered.lead(k) > 0) {
                continue;
            }
            if best.as_ref().is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
        best.filter(|f| !self.quoted_title(f.start, f.end))
    }

    /// Whether tokens `start..end` lie in a quoted title mid-sentence
    /// (on `“Fox News Sunday,”`, the `“Good Morning Today”` show): the
    /// quotation holds nothing but capitalized words (and the small words
    /// of titles), at least two, and opens after the sentence's start, so
    /// a quoted remark (`“Next Tuesday,” she said`) is no title.
    fn quoted_title(&self, start: usize, end: usize) -> bool {
        const REACH: usize = 6;
        let title_word = |k: usize| {
            self.kind(k) == Some(TokenKind::Word)
                && (self.capitalized(k)
                    || matches!(
                        self.w(k),
                        "the" | "of" | "and" | "a" | "an" | "in" | "on" | "at" | "to" | "for"
                    ))
        };
        if !(start..end).all(|k| self.kind(k) != Some(TokenKind::Word) || self.capitalized(k)) {
            return false;
        }
        let mut words = (start..end)
            .filter(|&k| self.kind(k) == Some(TokenKind::Word))
            .count();
        let mut open = start;
        while open > self.sent.start && start - open <= REACH && title_word(open - 1) {
            open -= 1;
            words += 1;
        }
        if open <= self.sent.start + 1 || self.kind(open - 1) != Some(TokenKind::Quote) {
            return false;
        }
        let mut close = end;
        while close < self.sent.end && close - end <= REACH && title_word(close) {
            close += 1;
            words += 1;
        }
        if matches!(self.w(close), "," | "." | "!" | "?") {
            close += 1;
        }
        words >= 2 && self.kind(close) == Some(TokenKind::Quote)
    }

    /// Whether any expression can start with token `i` (text `w`): a cheap
    /// filter that spares the full grammar on most tokens.
    fn may_start(&self, i: usize, w: &str) -> bool {
        let Some(&first) = w.as_bytes().first() else {
            return false;
        };
        if first.is_ascii_digit() || matches!(first, b'\'' | 0xE2) {
            return true;
        }
        if self.kind(i) != Some(TokenKind::Word) {
            return false;
        }
        matches!(
            w,
            "the"
                | "that"
                | "this"
                | "these"
                | "last"
                | "next"
                | "past"
                | "coming"
                | "upcoming"
                | "previous"
                | "following"
                | "preceding"
                | "prior"
                | "same"
                | "earlier"
                | "later"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "every"
                | "each"
                | "daily"
                | "weekly"
                | "monthly"
                | "quarterly"
                | "yearly"
                | "annual"
                | "annually"
                | "hourly"
                | "nightly"
                | "noon"
                | "midday"
                | "midnight"
                | "now"
                | "currently"
                | "presently"
                | "nowadays"
                | "current"
                | "recently"
                | "lately"
                | "recent"
                | "more"
                | "at"
                | "soon"
                | "christmas"
                | "new"
                | "halloween"
                | "valentine"
                | "thanksgiving"
                | "easter"
                | "good"
                | "memorial"
                | "labor"
                | "labour"
                | "independence"
                | "half"
                | "election"
                | "veterans"
                | "veteran"
                | "presidents"
                | "president"
                | "black"
                | "martin"
                | "mlk"
                | "fiscal"
                | "once"
                | "twice"
                | "thrice"
                | "per"
                | "q1"
                | "q2"
                | "q3"
                | "q4"
        ) || lexicon::month(w).is_some()
            || lexicon::weekday(w).is_some()
            || lexicon::weekday_plural(w).is_some()
            || lexicon::unit(w).is_some()
            || lexicon::number_word(w).is_some()
            || lexicon::ordinal_word(w).is_some()
            || lexicon::is_vague_quantity(w)
            || lexicon::is_approximator(w)
            || lexicon::is_point_modifier(w)
            || lexicon::season(w).is_some()
            || (w.len() == 6 && w.starts_with("fy"))
    }

    /// Month at `i` (with an abbreviation's dot): (month, next token).
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let m = lexicon::month(self.w(i))?;
        if !self.capitalized(i) {
            return None;
        }
        let mut j = i + 1;
        if lexicon::is_month_abbrev(self.w(i)) && self.w(j) == "." && self.glued(j) {
            j += 1;
        }
        Some((m, j))
    }

    /// Optional `early`/`late`/`mid`(`-`) before a point: returns the index after it.
    fn point_modifier(&self, i: usize) -> usize {
        if lexicon::is_point_modifier(self.w(i)) {
            if self.w(i + 1) == "-" && self.glued(i + 1) {
                return i + 2;
            }
            return i + 1;
        }
        i
    }

    /// Explicit calendar dates: ISO, `2/20/2025`, `February 20, 2025`,
    /// `20 Feb 2025`, `Feb. 20`, `October 1982`, `February`, `mid-2011`.
    fn explicit_date(&self, i: usize) -> Option<Found> {
        if let Some(f) = self.numeric_date(i) {
            return Some(f);
        }
        if let Some(f) = self.relative_month(i) {
            return Some(f);
        }
        let j = self.point_modifier(i);
        if let Some((m, k)) = self.month_at(j) {
            return self.month_first(i, j, m, k);
        }
        self.day_first(i)
    }

    /// `last September`, `next March`, `this June`, `that November`.
    fn relative_month(&self, i: usize) -> Option<Found> {
        let rel = self.w(i);
        if !matches!(rel, "last" | "next" | "this" | "that") {
            return None;
        }
        let (m, k) = self.month_at(i + 1)?;
        if k != i + 2 || self.day_num(k).is_some() {
            return None;
        }
        // "said that March Smith ...": a conjunction before a name.
        if rel == "that" && self.capitalized(k) {
            return None;
        }
        let month = Field::Month(m);
        let e = match rel {
            "last" => Expr::document().nearest(month, Dir::Back { strict: true }),
            "next" => Expr::document().nearest(month, Dir::Forward { strict: true }),
            // "lost the election that November": the year last mentioned.
            "that" => Expr::narrative(Unit::Year)
                .shift(0, Unit::Year)
                .intersect(month),
            _ => Expr::document().shift(0, Unit::Year).intersect(month),
        };
        Some(self.found_month(i, k, &e))
    }

    /// Whether `the next year` (`month`, `week`) at `span` counts from
    /// publication rather than from the story: when its clause looks
    /// ahead (`will close in the next year`), or says nothing and no
    /// story year was written in this sentence or the few before it (`a
    /// plan that needs to start within the next month`).
    fn counts_from_now(&self, span: Range<usize>) -> bool {
        match self.direction(span) {
            Some(Tense::Future) => true,
            Some(Tense::Past) => false,
            None => self
                .story_year
                .is_none_or(|(_, at)| self.sent_no - at > STORY_SENTENCES),
        }
    }

    /// `2025-02-20` and `2/20/2025` (US order unless the first part exceeds 12).
    fn numeric_date(&self, i: usize) -> Option<Found> {
        let (a, alen) = self.digits(i)?;
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/")
            || !self.glued(i + 1)
            || !self.glued(i + 2)
            || self.w(i + 3) != sep
            || !self.glued(i + 3)
            || !self.glued(i + 4)
        {
            return None;
        }
        let (b, _) = self.digits(i + 2)?;
        if sep == "-" && alen == 4 {
            if let Some(f) = self.iso_datetime(i, a, b) {
                return Some(f);
            }
        }
        let (c, clen) = self.digits(i + 4)?;
        let (y, m, d) = if sep == "-" && alen == 4 {
            (i32::try_from(a).ok()?, b, c)
        } else if sep == "/" && (clen == 4 || clen == 2) {
            let y = if clen == 2 { 2000 + c } else { c };
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            (i32::try_from(y).ok()?, m, d)
        } else {
            return None;
        };
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        Some(found_day(i, i + 5, Some(date), ""))
    }

    /// `2025-02-20T10:30:00Z`: the tokenizer makes `20T10` one word.
    fn iso_datetime(&self, i: usize, y: u32, m: u32) -> Option<Found> {
        let w = self.w(i + 4);
        let (d, h) = w.split_once('t')?;
        if d.len() != 2 || h.len() != 2 || self.kind(i + 4) != Some(TokenKind::Word) {
            return None;
        }
        let (d, h): (u32, u32) = (d.parse().ok()?, h.parse().ok()?);
        let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
        let mut e = i + 5;
        let mut min = 0;
        if self.w(e) == ":" && self.glued(e) && self.glued(e + 1) {
            let (v, len) = self.digits(e + 1)?;
            if len != 2 {
                return None;
            }
            min = v;
            e += 2;
            // Seconds (and a zone letter), kept in the span but not the value.
            if self.w(e) == ":" && self.glued(e) && self.glued(e + 1) {
                e += 2;
            }
        }
        if h > 24 || min > 59 {
            return None;
        }
        let zone = if self.w(e.saturating_sub(1)).ends_with('z') {
            "Z"
        } else {
            ""
        };
        Some(Found {
            start: i,
            end: e,
            value: format!("{}T{h:02}:{min:02}{zone}", resolve::day(date)),
            kind: DateType::Time,
            day: Some(date),
            coarse: None,
            names_quarter: false,
            freq: None,
        })
    }

    fn month_first(&self, i: usize, mstart: usize, m: u32, k: usize) -> Option<Found> {
        // Month Day[,] [Year]
        if let Some(d) = self.day_num(k) {
            // "May 5 percent", "March 3:30": a following unit or clock breaks it.
            let clock = self.w(k + 1) == ":" && self.glued(k + 1) && self.glued(k + 2);
            if !clock && !matches!(self.w(k + 1), "%" | "percent") {
                let mut e = k + 1;
                let comma = self.w(e) == ",";
                let ye = if comma { e + 1 } else { e };
                if let Some(y) = self.year_num(ye) {
                    e = ye + 1;
                    let date = Expr::Year(y).intersect(Field::MonthDay(m, d));
                    return Some(self.found_tree(i, e, &date));
                }
                let date = self.month_day_expr(m, d, i..e);
                return Some(self.found_tree(i, e, &date));
            }
        }
        // Month [of] Year
        let yk = if self.w(k) == "of" { k + 1 } else { k };
        // ("January nineteen ninety-seven": a year said in words.)
        let said = self
            .spelled_year(yk)
            .and_then(|f| Some((f.value.parse::<i32>().ok()?, f.end)));
        if let Some((y, ye)) = self.year_num(yk).map(|y| (y, yk + 1)).or(said) {
            return Some(self.found_month(i, ye, &Expr::Year(y).intersect(Field::Month(m))));
        }
        // "October of that year", "June that year": the year last mentioned.
        let that = if self.w(k) == "of" { k + 1 } else { k };
        if k == mstart + 1 && self.w(that) == "that" && self.w(that + 1) == "year" {
            let e = Expr::narrative(Unit::Year)
                .shift(0, Unit::Year)
                .intersect(Field::Month(m));
            return Some(self.found_month(i, that + 2, &e));
        }
        // "February this year", "July last year", "January of next year".
        let rel = if self.w(k) == "of" { k + 1 } else { k };
        if k == mstart + 1 && self.w(rel + 1) == "year" {
            let off = lexicon::deictic_offset(self.w(rel));
            if let Some(off) = off {
                let e = Expr::document()
                    .shift(off, Unit::Year)
                    .intersect(Field::Month(m));
                return Some(self.found_month(i, rel + 2, &e));
            }
        }
        // Bare month: abbreviations never; "May"/"March" only in a date context.
        let word = self.w(mstart);
        if k != mstart + 1 || lexicon::is_month_abbrev(word) && word != "may" {
            return None;
        }
        let prev = self.prev(i);
        let context = matches!(
            prev,
            "in" | "since"
                | "of"
                | "by"
                | "from"
                | "until"
                | "till"
                | "through"
                | "during"
                | "before"
                | "after"
                | "between"
                | "last"
                | "next"
                | "this"
                | "and"
                | "or"
                | "to"
                | "early"
                | "late"
                | "mid"
                | "end"
        ) || mstart > i;
        let ambiguous = word == "may" || (word == "march" && i == self.sent.start);
        if (ambiguous || self.in_person_name(i, k)) && !context {
            return None;
        }
        // "the March on Washington", "a March for Peace", "the Pride
        // March", "the 1968 March": a named march, not the month.
        if word == "march" {
            let named_after = matches!(self.w(k), "on" | "for" | "of" | "against")
                && (self.capitalized(k + 1) || (self.w(k + 1) == "the" && self.capitalized(k + 2)));
            // (A capitalized word before it that opens the sentence is a
            // determiner: "The March accession".)
            let named_before = i > self.sent.start + 1
                && i == mstart
                && !context
                && (self.capitalized(i - 1) || self.year_num(i - 1).is_some());
            if named_after || named_before {
                return None;
            }
        }
        // As for days: ten months away by the tense, when the other
        // occurrence is two months away, is the nearer one.
        // With no cue, the nearest (`the November report` in January),
        // but a vote's month the coming one (`the November election`).
        let dir = if self.since_before(i) {
            Dir::Back { strict: false }
        } else if self.vote_ahead(i..k) || self.will_ahead(i..k) {
            Dir::Forward { strict: false }
        } else {
            self.deadline_direction(i..k)
                .map_or(Dir::Closest, Dir::Lean)
        };
        let e = Expr::document().nearest(Field::Month(m), dir);
        Some(self.found_month(i, k, &e))
    }

    /// Whether the bare month at `i` (next token `k`) is part of a
    /// person's name: after a title or a capitalized first name (`Mr.
    /// March`, `Judge Alan August`, `Kim June said`), or before a
    /// capitalized last name (`April Ryan asked`, `June Carter sang`). A
    /// word of time before it keeps the month (`In June Carter won`,
    /// checked by the caller).
    fn in_person_name(&self, i: usize, k: usize) -> bool {
        use crate::enrich::entities::gazetteer::{
            is_first_name_word, is_last_name_word, is_title_word,
        };
        let plain_name = |p: usize| {
            let w = self.w(p);
            self.capitalized(p)
                && !lexicon::is_preposition(w)
                && !lexicon::is_determiner(w)
                && lexicon::month(w).is_none()
                && lexicon::weekday(w).is_none()
                && lexicon::unit(w).is_none()
        };
        // (`Mr.`: the title's dot is its own token.)
        let mut p = i.checked_sub(1);
        if p.is_some_and(|p| self.w(p) == "." && self.glued(p)) {
            p = p.and_then(|p| p.checked_sub(1));
        }
        let before = p.is_some_and(|p| {
            plain_name(p) && (is_first_name_word(self.w(p)) || is_title_word(self.w(p)))
        });
        // A last name ends the name and stands where a name does: first
        // in its clause or after a verb of saying, not inside a noun
        // phrase (`the bitter February New Hampshire debate`).
        let where_name = i == self.sent.start
            || self.kind(i - 1) != Some(TokenKind::Word)
            || crate::enrich::quotes::lexicon::cue_class(self.prev(i)).is_some();
        let after =
            where_name && plain_name(k) && is_last_name_word(self.w(k)) && !self.capitalized(k + 1);
        before || after
    }

    /// `20 February 2025`, `20th of February`.
    fn day_first(&self, i: usize) -> Option<Found> {
        let d = self.day_num(i)?;
        let mut k = i + 1;
        if self.w(k) == "of" {
            k += 1;
        }
        let (m, k) = self.month_at(k)?;
        if let Some(y) = self.year_num(k) {
            let date = Expr::Year(y).intersect(Field::MonthDay(m, d));
            return Some(self.found_tree(i, k + 1, &date));
        }
        let date = self.month_day_expr(m, d, i..k);
        Some(self.found_tree(i, k, &date))
    }

    /// `Monday`, `last Monday`, `Wednesday night`, `Monday, Feb. 17`.
    fn weekday_expr(&self, i: usize) -> Option<Found> {
        // "the previous Friday", "the following Monday": from the last day
        // mentioned (anaphoric), not from publication.
        let anaphoric =
            self.w(i) == "the" && matches!(self.w(i + 1), "previous" | "preceding" | "following");
        let (rel, j) = match self.w(i) {
            _ if anaphoric => (
                Some(if self.w(i + 1) == "following" { 1 } else { -1 }),
                i + 2,
            ),
            "last" | "past" => (Some(-1i64), i + 1),
            "next" | "coming" => (Some(1), i + 1),
            "this" => (Some(0), i + 1),
            _ => (None, self.point_modifier(i)),
        };
        let wd = lexicon::weekday_full(self.w(j))?;
        if !self.capitalized(j) {
            return None;
        }
        // "Black Monday", "Super Tuesday", "Good Friday": names of events.
        if j == i
            && self.capitalized(j.wrapping_sub(1))
            && matches!(
                self.prev(j),
                "black"
                    | "cyber"
                    | "super"
                    | "good"
                    | "easter"
                    | "ash"
                    | "holy"
                    | "bloody"
                    | "blue"
                    | "giving"
                    | "shrove"
                    | "maundy"
                    | "fat"
            )
        {
            return None;
        }
        let mut e = j + 1;
        // "Monday, February 17, 2025": the explicit date decides.
        let after = if self.w(e) == "," { e + 1 } else { e };
        if let Some((m, k)) = self.month_at(after) {
            if let Some(f) = self.month_first(after, after, m, k) {
                if let Some(day) = f.day {
                    // No year written: the weekday picks it.
                    let explicit_year = self.year_num(f.end.saturating_sub(1)).is_some();
                    if !explicit_year && resolve::iso_weekday(day) != wd {
                        if let Some(better) = self
                            .published
                            .and_then(|p| resolve::month_day_on_weekday(p, m, day.day(), wd))
                        {
                            return Some(found_day(i, f.end, Some(better), ""));
                        }
                    }
                    return Some(Found { start: i, ..f });
                }
            }
        }
        // "Thursday through Monday", "from Monday to Friday": the end of a
        // range of days is the first such day after its start, wherever
        // the clause points ("a poll taken Thursday through Monday").
        let range_end = rel.is_none()
            && j == i
            && i >= 2
            && matches!(self.w(i - 1), "through" | "thru" | "to" | "until" | "-")
            && lexicon::weekday_full(self.w(i - 2)).is_some()
            && self.day_anchor_sent == self.sent_no;
        let base = if anaphoric || range_end {
            Expr::narrative(Unit::Day)
        } else {
            Expr::document()
        };
        let field = Field::Weekday(wd);
        let tree = match rel {
            Some(-1) => base.nearest(field, Dir::Back { strict: true }),
            Some(1) => base.nearest(field, Dir::Forward { strict: true }),
            // "this Tuesday": this week's, unless the clause points the
            // other way from it (`hopes to win this Tuesday` on a Friday is
            // the coming one; `voted this Friday` on a Monday the one gone).
            Some(_) => {
                let this_week = base.clone().shift(0, Unit::Week).intersect(field);
                let day = self.eval(&this_week).1.and_then(|p| p.day());
                match (day, self.published, self.direction(i..j + 1)) {
                    (Some(d), Some(p), Some(Tense::Future)) if d < p => {
                        base.nearest(field, Dir::Forward { strict: true })
                    }
                    (Some(d), Some(p), Some(Tense::Past)) if d > p => {
                        base.nearest(field, Dir::Back { strict: true })
                    }
                    _ => this_week,
                }
            }
            None if range_end => base.nearest(field, Dir::Forward { strict: true }),
            None => {
                let tense = self.weekday_tense(i..e);
                let dir = match self.vote_lead_in(i, e) {
                    Some(true) => Dir::Forward { strict: false },
                    Some(false) if tense == Tense::Past => Dir::Closest,
                    _ => Dir::of(tense),
                };
                base.nearest(field, dir)
            }
        };
        let date = self.eval(&tree).1.and_then(|p| p.day());
        // "Saturday Night Live", "Monday Night Football": a title.
        if lexicon::part_of_day(self.w(e)).is_some()
            && self.capitalized(e)
            && self.capitalized(e + 1)
        {
            return None;
        }
        // Part of day: "Wednesday night".
        if let Some(pod) = lexicon::part_of_day(self.w(e)) {
            e += 1;
            return Some(found_day_part(i, e, date, &format!("XXXX-WXX-{wd}"), pod));
        }
        Some(self.found_tree(i, e, &tree))
    }

    /// `today`, `yesterday`, `tomorrow`, `tonight`, `last night`,
    /// `this morning`, `earlier today`, `yesterday afternoon`.
    fn deictic(&self, i: usize) -> Option<Found> {
        let mut j = i;
        if matches!(self.w(j), "earlier" | "later") {
            j += 1;
        }
        // "the day before yesterday", "the day after tomorrow": two days.
        let two_days = match (self.w(j), self.w(j + 1), self.w(j + 2), self.w(j + 3)) {
            ("the", "day", "before", "yesterday") => Some(-2),
            ("the", "day", "after", "tomorrow") => Some(2),
            _ => None,
        };
        if let Some(offset) = two_days.filter(|_| j == i) {
            let tree = Expr::document().shift(offset, Unit::Day);
            return Some(self.found_tree(i, i + 4, &tree));
        }
        // "CBS This Morning", "The Tonight Show": capitalized mid-sentence,
        // next to another capitalized word, it is a title.
        if j > self.sent.start
            && self.capitalized(j)
            && (self.capitalized(j - 1) || self.capitalized(j + 1))
            && matches!(self.w(j), "this" | "tonight" | "today" | "tomorrow")
        {
            return None;
        }
        let (offset, mut e, pod): (i64, usize, Option<&str>) = match self.w(j) {
            "today" => (0, j + 1, None),
            "yesterday" => (-1, j + 1, None),
            "tomorrow" => (1, j + 1, None),
            "tonight" => (0, j + 1, Some("NI")),
            "last" if j == i && self.w(j + 1) == "night" => (-1, j + 2, Some("NI")),
            "this" if j == i => (0, j + 2, Some(lexicon::part_of_day(self.w(j + 1))?)),
            _ => return None,
        };
        let pod = match pod {
            Some(x) => Some(x),
            None => lexicon::part_of_day(self.w(e)).inspect(|_| e += 1),
        };
        // Inside a quotation from a dated speech ("in a 1963 speech"), or
        // reported from it: the day the words were said, of which only the
        // year is known.
        if let Some(y) = self.speech_year(i) {
            let value = match pod {
                Some(pod) => format!("{y:04}-XX-XXT{pod}"),
                None => format!("{y:04}-XX-XX"),
            };
            let kind = if pod.is_some() {
                DateType::Time
            } else {
                DateType::Date
            };
            return Some(found(i, e, value, kind));
        }
        // Inside a quotation its sentence dates (`"We vote tomorrow," she
        // said Tuesday`): counted from the day the words were said.
        let said = match self.quoted_speech_day(i) {
            Some(d) => Expr::Year(d.year()).intersect(Field::MonthDay(d.month(), d.day())),
            None => Expr::document(),
        };
        let tree = said.shift(offset, Unit::Day);
        let date = self.eval(&tree).1.and_then(|p| p.day());
        match pod {
            Some(pod) => Some(found_day_part(i, e, date, "XXXX-XX-XX", pod)),
            None => Some(self.found_tree(i, e, &tree)),
        }
    }

    /// Whether token `i` is inside a quotation: its paragraph has an open
    /// double quote before it. Two apostrophes stand for a straight double
    /// mark and two backquotes open one (`''We lost,'' she said`), as the
    /// quotes stage reads wire text.
    fn in_quotation(&self, i: usize) -> bool {
        let body = self.text.body();
        let Some(at) = self.text.tokens().get(i).map(|t| t.range().start) else {
            return false;
        };
        let Some(before) = body.get(..at) else {
            return false;
        };
        let para = before.rfind('\n').map_or(0, |n| n + 1);
        let mut inside = false;
        let mut chars = before.get(para..).unwrap_or("").chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '“' => inside = true,
                '”' => inside = false,
                '"' => inside = !inside,
                '\'' | '`' if chars.peek() == Some(&c) => {
                    chars.next();
                    inside = c == '`' || !inside;
                }
                _ => {}
            }
        }
        inside
    }

    /// When token `i` is inside a quotation whose sentence says on which
    /// weekday it was said (`"…," she said Tuesday`, `told reporters on
    /// Monday: "…"`, `wrote on his campaign blog on Friday`, `a letter
    /// sent on Sunday warned: "…"`), that day: the last such weekday up to
    /// publication.
    fn quoted_speech_day(&self, i: usize) -> Option<NaiveDate> {
        if !self.in_quotation(i) {
            return None;
        }
        let weekday = |m: usize| lexicon::weekday_full(self.w(m)).is_some() && self.capitalized(m);
        let word = |m: usize| self.kind(m) == Some(TokenKind::Word);
        self.sent.clone().find_map(|k| {
            if !matches!(
                self.w(k),
                "said"
                    | "says"
                    | "told"
                    | "added"
                    | "declared"
                    | "wrote"
                    | "writes"
                    | "warned"
                    | "tweeted"
                    | "posted"
                    | "stated"
            ) {
                return None;
            }
            // The weekday right after the verb or its object (`told
            // reporters on Monday`); further on only after `on` (`wrote on
            // her page on Sunday`, not `said of a vote set for Tuesday`);
            // or right before the verb (`on Sunday warned`).
            let after = (k + 1..k + 7)
                .take_while(|&m| word(m))
                .find(|&m| weekday(m) && (m < k + 4 || self.w(m - 1) == "on"));
            let before = || {
                (k.saturating_sub(3).max(self.sent.start)..k)
                    .rev()
                    .take_while(|&m| word(m))
                    .find(|&m| weekday(m))
            };
            let m = after.or_else(before)?;
            let wd = lexicon::weekday_full(self.w(m))?;
            if self.in_quotation(m) {
                return None;
            }
            let day = Expr::document().nearest(Field::Weekday(wd), Dir::Back { strict: false });
            self.eval(&day).1?.day()
        })
    }

    /// The year token `i` was said in, when the text says it: inside a
    /// quotation (its paragraph has an open double quote before it) with
    /// a past speech's year named around it (`in a 1963 speech`, `his 1987
    /// address`), or in reported speech after a verb of saying that
    /// follows such a year in its sentence (`In a 1998 interview, she said
    /// that next year she would retire`: 1999).
    fn speech_year(&self, i: usize) -> Option<i32> {
        if self.in_quotation(i) {
            // This sentence and the two around it.
            let sentences = self.text.sentences();
            let first = sentences
                .get(self.sent_no.saturating_sub(1))?
                .tokens()
                .start;
            let last = sentences
                .get(self.sent_no + 1)
                .or_else(|| sentences.get(self.sent_no))?
                .tokens()
                .end;
            return (first..last).find_map(|k| self.dated_speech(k));
        }
        // Reported: the dated speech, then a verb of saying, then `i`.
        let said = (self.sent.start..i).rev().find(|&k| {
            matches!(
                self.w(k),
                "said" | "told" | "wrote" | "declared" | "predicted" | "promised" | "vowed"
            )
        })?;
        (self.sent.start..said).find_map(|k| self.dated_speech(k))
    }

    /// The year at token `k` when a speech noun follows it (`1963 speech`,
    /// `2004 interview`), or when it dates the lead-in of a quotation
    /// after `in` (`as she put it in May 1992: “…”`), and it is before
    /// publication.
    fn dated_speech(&self, k: usize) -> Option<i32> {
        let w = self.lower.get(k)?;
        if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i32 = w.parse().ok()?;
        // Across sentences: the lead-in may be the sentence before.
        let at = |m: Option<usize>| m.and_then(|m| self.lower.get(m)).copied().unwrap_or("");
        let before = |n: usize| at(k.checked_sub(n));
        let lead_in = at(Some(k + 1)) == ":"
            && matches!(at(Some(k + 2)), "“" | "\"" | "''" | "``")
            && (before(1) == "in" || (lexicon::month(before(1)).is_some() && before(2) == "in"));
        let speech = lead_in
            || matches!(
                *self.lower.get(k + 1)?,
                "speech"
                    | "address"
                    | "interview"
                    | "letter"
                    | "sermon"
                    | "statement"
                    | "broadcast"
                    | "remarks"
                    | "testimony"
                    | "lecture"
            );
        let published = self.published.map(|p| p.year());
        (speech && (1000..=2999).contains(&y) && published.is_none_or(|p| y < p)).then_some(y)
    }

    /// `last week`, `this year`, `next month`, `earlier this month`,
    /// `the past decade` (a duration), `the last quarter`, `the following week`.
    fn relative_period(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let modifier = matches!(self.w(j), "earlier" | "later" | "early" | "late" | "mid");
        if modifier {
            j += 1;
            if self.w(j) == "-" {
                j += 1;
            }
        }
        let the = self.w(j) == "the";
        if the {
            j += 1;
        }
        let rel = self.w(j);
        // "the day before,", "the week after." told alone (an adverb, the
        // clause going on past a comma or ending): the unit before or after
        // the day last named, as `the previous day` is. Not a preposition
        // or conjunction (`the day before the vote`, `the week after she
        // left`): dated from an event the text does not date.
        if let Some((unit, false)) = lexicon::unit(rel).filter(|_| the && !modifier) {
            let offset = match self.w(j + 1) {
                "before" => -1,
                "after" => 1,
                _ => 0,
            };
            if offset != 0
                && matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
                && matches!(self.w(j + 2), "," | "." | ";" | "")
            {
                // After a coarser point (`in July 2008. The day before,`)
                // the day is unknown, not one counted from another day;
                // and a repeated `the day before` (a market report's
                // `up from 3.2 points the day before`) counts from the same
                // day each time, so it anchors nothing.
                if self.anchor.is_some_and(|(_, g)| coarser(g, unit)) {
                    let unknown = resolve::period_unknown(unit).to_string();
                    return Some(found(i, j + 2, unknown, DateType::Date));
                }
                let tree = Expr::narrative(unit).shift(offset, unit);
                let f = self.found_tree(i, j + 2, &tree);
                return Some(Found { day: None, ..f });
            }
        }
        // "the weeks ahead", "the months to come": the coming stretch.
        if let Some((unit, true)) = lexicon::unit(rel).filter(|_| the && !modifier) {
            let ahead = match (self.w(j + 1), self.w(j + 2)) {
                // Not "the days ahead of the vote": a time before it.
                ("ahead", next) if next != "of" => Some(j + 2),
                ("to", "come") => Some(j + 3),
                _ => None,
            };
            if let Some(e) = ahead.filter(|_| unit != Unit::Weekend && !unit.is_clock()) {
                return Some(found(
                    i,
                    e,
                    resolve::duration(None, unit),
                    DateType::Duration,
                ));
            }
            return None;
        }
        let mut k = j + 1;
        // "this past week"
        let this_past = rel == "this" && self.w(k) == "past";
        if this_past {
            k += 1;
        }
        // "the current fiscal year", "last fiscal year", "next financial
        // year": a fiscal year, `FY…` as `fiscal 2025` (module docs).
        if matches!(self.w(k), "fiscal" | "financial") && self.w(k + 1) == "year" && !modifier {
            let offset = match rel {
                "this" | "current" => 0,
                "last" => -1,
                "next" | "coming" => 1,
                _ => return None,
            };
            let y = self.published?.year() + offset;
            return Some(found(i, k + 2, format!("FY{y:04}"), DateType::Date));
        }
        let (unit, plural) = lexicon::unit(self.w(k))?;
        // ABC's "This Week": a title.
        if j > self.sent.start && self.capitalized(j) && self.capitalized(k) {
            return None;
        }
        if plural {
            // "the coming weeks", "the past months": a vague stretch.
            // ("coming weeks", "upcoming months": the same without `the`.)
            let vague = ((the
                && matches!(
                    rel,
                    "coming" | "upcoming" | "next" | "past" | "last" | "previous" | "recent"
                ))
                || (!the && !modifier && matches!(rel, "coming" | "upcoming")))
                && !this_past
                && unit != Unit::Weekend;
            return vague
                .then(|| found(i, k + 1, resolve::duration(None, unit), DateType::Duration));
        }
        if unit.is_clock() {
            return None;
        }
        let e = k + 1;
        // Durations: "the past decade", "past year", "the last decade".
        let is_past = rel == "past" && !this_past;
        // "over the last year", "in the last week", "spent the last month
        // campaigning": the stretch up to now, as `the past week` is; not
        // a part of something (`the last week of a festival`), nor the
        // calendar unit without `the` (`last week`).
        // Ahead likewise after `over` (`over the next year`, `over the
        // coming month`; `in the next week` is as often the week to come,
        // a point).
        let stretch = the
            && matches!(unit, Unit::Week | Unit::Month | Unit::Year)
            && (rel == "last"
                && matches!(
                    self.prev(i),
                    "over"
                        | "in"
                        | "during"
                        | "for"
                        | "throughout"
                        | "within"
                        | "spent"
                        | "spend"
                        | "spending"
                )
                || matches!(rel, "next" | "coming") && self.prev(i) == "over")
            && self.w(e) != "of";
        if !modifier
            && (is_past
                || stretch
                || (the && rel == "last" && matches!(unit, Unit::Decade | Unit::Century)))
        {
            return Some(found(
                i,
                e,
                resolve::duration(Some(1.0), unit),
                DateType::Duration,
            ));
        }
        let (offset, anaphoric) = match rel {
            "last" => (-1, false),
            "this" if this_past => (-1, false),
            "this" | "current" => (0, false),
            "next" | "coming" if !the => (1, false),
            // "the next year" seen from a story is the year after it
            // (anaphoric); looking ahead from now, the year after now
            // (`Self::counts_from_now`). (`the next day` is always the day
            // after the one told.)
            "next" | "coming" if unit != Unit::Day && self.counts_from_now(i..k + 1) => (1, false),
            "next" | "following" | "coming" => (1, true),
            "previous" | "preceding" | "prior" => (-1, true),
            "same" if the => (0, true),
            // "later that year", "earlier that month": the one last named.
            // "raised $4 million that day": the day last named, when one was.
            "that"
                if !the
                    && (modifier
                        || !matches!(unit, Unit::Day | Unit::Quarter)
                        || (unit == Unit::Day && self.that_day_told(e))) =>
            {
                (0, true)
            }
            _ => return None,
        };
        if unit == Unit::Day && !anaphoric {
            return None;
        }
        let anchor = if anaphoric {
            Anchor::Narrative(unit)
        } else {
            Anchor::Document
        };
        // "this weekend" in a past clause: the weekend just gone; with no
        // cue (`if he wins this weekend`), this week's.
        let offset = if unit == Unit::Weekend
            && offset == 0
            && self
                .anchor_date(anchor)
                .is_some_and(|r| !resolve::is_weekend(r))
            && self.direction(i..e) == Some(Tense::Past)
        {
            -1
        } else {
            offset
        };
        // `next year` in words said in a year the text names (`in a 1998
        // interview`): from that year.
        let said = (unit == Unit::Year && !anaphoric)
            .then(|| self.speech_year(i))
            .flatten();
        let tree = match said {
            Some(y) => Expr::Year(y).shift(offset, unit),
            None => Expr::Anchor(anchor).shift(offset, unit),
        };
        // "He apologized the next day" after a month told in the past
        // (`Last September, he ...`): a day after publication cannot be
        // one a past clause tells; from the last day named that is not to
        // come, else unknown, rather than tomorrow.
        if unit == Unit::Day && anaphoric && offset > 0 {
            let beyond = |t: &Expr| {
                self.eval(t)
                    .1
                    .zip(self.published)
                    .is_some_and(|(d, p)| d.at > p)
            };
            if beyond(&tree) && self.direction(i..e) == Some(Tense::Past) {
                let from_past = self.past_day_anchor.map(|d| {
                    Expr::Year(d.year())
                        .intersect(Field::MonthDay(d.month(), d.day()))
                        .shift(offset, unit)
                });
                return Some(match from_past.filter(|t| !beyond(t)) {
                    Some(t) => self.found_tree(i, e, &t),
                    None => found(
                        i,
                        e,
                        resolve::period_unknown(unit).to_string(),
                        DateType::Date,
                    ),
                });
            }
        }
        Some(self.found_tree(i, e, &tree))
    }

    /// A count (`three`, `12`, `a`, `many`), then optional adjectives and a
    /// unit: durations (`three years`, `many hours`, `12-year`), relative
    /// dates (`two weeks ago`, `three days later`, `a year from now`), and
    /// `the past nine days`.
    fn count_expr(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let the = self.w(j) == "the";
        let mut within_the = false;
        if the {
            if !matches!(
                self.w(j + 1),
                "past" | "last" | "next" | "coming" | "first" | "previous"
            ) {
                return None;
            }
            j += 2;
            within_the = true;
        } else if lexicon::is_approximator(self.w(j)) {
            j += 1;
        }
        let (mut count, mut k) = self.count_at(j)?;
        // "two and a half hours": the half before the unit.
        let and_a_half =
            |k: usize| self.w(k) == "and" && self.w(k + 1) == "a" && self.w(k + 2) == "half";
        let whole = count.is_some_and(|c| c.fract() == 0.0);
        if whole && and_a_half(k) && lexicon::unit(self.w(k + 3)).is_some() {
            count = count.map(|c| c + 0.5);
            k += 3;
        }
        let hyphen = self.w(k) == "-" && self.glued(k) && self.glued(k + 1);
        if hyphen {
            k += 1;
        }
        while lexicon::is_unit_adjective(self.w(k)) && !hyphen {
            k += 1;
        }
        let unit_word = self.w(k);
        let (unit, plural) = lexicon::unit(unit_word)?;
        // "the 1988 quarter": a year, not 1988 quarters.
        if !plural && !hyphen && count.is_some_and(|c| c >= 1000.0) {
            return None;
        }
        // "a year-earlier loss", "a year-end bonus": a point, not a year's
        // length.
        if self.w(k + 1) == "-" && matches!(self.w(k + 2), "earlier" | "ago" | "end") {
            return None;
        }
        // "a 6-year-old boy", "52 years old": an age, which TimeML leaves
        // unannotated.
        if (hyphen && self.w(k + 1) == "-" && matches!(self.w(k + 2), "old" | "olds"))
            || (!hyphen && self.w(k + 1) == "old")
        {
            return None;
        }
        // "three-quarters of its food", "more than three-quarters from
        // donors": a fraction (a count of quarters is not hyphenated, and
        // "a three-quarter stake" is singular).
        if unit == Unit::Quarter && plural && hyphen {
            return None;
        }
        // "60 Minutes", "24 Hours of Le Mans": a capitalized unit
        // mid-sentence is a title.
        if k > self.sent.start && self.capitalized(k) && !self.text.is_all_caps(k) {
            return None;
        }
        // "a quarter of voters", "between a quarter and a third": a
        // fraction, not three months.
        if unit == Unit::Quarter
            && !plural
            && count == Some(1.0)
            && (self.w(k + 1) == "of"
                || (matches!(self.w(k + 1), "and" | "or")
                    && matches!(self.w(k + 2), "a" | "one")
                    && matches!(self.w(k + 3), "half" | "third" | "fifth" | "tenth")))
        {
            return None;
        }
        // "a second straight week": "second" after "a" is an ordinal.
        if unit == Unit::Second && matches!(self.w(j), "a" | "an") {
            return None;
        }
        if plural && count == Some(1.0) && !hyphen && matches!(self.w(j), "a" | "an" | "one") {
            return None;
        }
        // "$5 a day", "$2 million a year": a rate, which recurs (not "$2
        // million a year ago").
        if !the
            && matches!(self.w(j), "a" | "an")
            && !matches!(self.w(k + 1), "ago" | "earlier" | "later" | "from")
            && self.follows_amount(j)
        {
            return Some(found(
                i,
                k + 1,
                resolve::duration(Some(1.0), unit),
                DateType::Set,
            ));
        }
        // "an hour and a half", "a year and a half later": the half after
        // the unit.
        let e = if whole && !plural && !hyphen && count.is_some() && and_a_half(k + 1) {
            count = count.map(|c| c + 0.5);
            k + 4
        } else {
            k + 1
        };
        if !within_the && !hyphen {
            // Relative dates.
            let n = count.map(|c| c as i64);
            // "a week or so ago": the same point, told loosely.
            let skip = if self.w(e) == "or"
                && self.w(e + 1) == "so"
                && matches!(self.w(e + 2), "ago" | "earlier" | "later")
            {
                2
            } else {
                0
            };
            let after = self.w(e + skip);
            let dir: Option<(i64, bool)> = match after {
                "ago" => Some((-1, false)),
                "earlier" => Some((-1, true)),
                "later" => Some((1, true)),
                "from" if self.w(e + 1) == "now" => Some((1, false)),
                _ => None,
            };
            // "an hour and a half later", "5 1/2 years ago": no calendar
            // point in whole units; the stretch, as TimeBank values it.
            if dir.is_some() && count.is_some_and(|c| c.fract() != 0.0) {
                return Some(found(
                    i,
                    e,
                    resolve::duration(count, unit),
                    DateType::Duration,
                ));
            }
            if let Some((sign, anaphoric)) = dir {
                let end = if after == "from" { e + 2 } else { e + 1 + skip };
                let mut anchor = if anaphoric {
                    Expr::narrative(unit)
                } else {
                    Expr::document()
                };
                // "A day earlier, six were arrested" after a sentence about
                // next week's vote: a past clause counts from the last day
                // named that is not yet to come.
                if anaphoric && n.is_some() && unit == Unit::Day {
                    let past_clause = self.tense(i..end.min(self.sent.end)) == Tense::Past;
                    let shifted_day = self
                        .eval(&anchor.clone().shift(sign * n.unwrap_or(0), unit))
                        .1
                        .map(|p| p.at);
                    if let (true, Some(d), Some(p), Some(last)) = (
                        past_clause,
                        shifted_day,
                        self.published,
                        self.past_day_anchor,
                    ) {
                        if d > p {
                            anchor = Expr::Year(last.year())
                                .intersect(Field::MonthDay(last.month(), last.day()));
                        }
                    }
                }
                let reference = self.eval(&anchor).1;
                // "a year earlier" in a report comparing quarters (one named
                // in this sentence or the four before): the same quarter then.
                let year_ago_quarter = match (unit, n) {
                    (Unit::Year, Some(n))
                        if sign < 0 && count.is_some_and(|c| c.fract() == 0.0) =>
                    {
                        self.recent_quarter(4)
                            .and_then(|(y, q)| shift_quarter(y, q, -4 * i32::try_from(n).ok()?))
                    }
                    _ => None,
                };
                let tree = n.map(|n| units_away(anchor.clone(), sign * n, unit));
                // "a few days later": a vague stretch from a point told
                // elsewhere, which TimeML values as the stretch (`PXD`).
                if count.is_none() && anaphoric {
                    return Some(found(
                        i,
                        e,
                        resolve::duration(None, unit),
                        DateType::Duration,
                    ));
                }
                let shifted = tree.as_ref().map(|t| self.eval(t));
                // "more than 200 years later, we still live by it": a point
                // after publication in a clause not looking ahead counts from
                // a time the text never wrote; the stretch, as TimeBank
                // values `three days later`, rather than a future invented.
                let beyond = |p: &Point| self.published.is_some_and(|r| p.at > r);
                if sign > 0
                    && anaphoric
                    && shifted
                        .as_ref()
                        .and_then(|s| s.1.as_ref())
                        .is_some_and(beyond)
                    && self.direction(i..end.min(self.sent.end)) != Some(Tense::Future)
                {
                    return Some(found(
                        i,
                        e,
                        resolve::duration(count, unit),
                        DateType::Duration,
                    ));
                }
                let value = match (shifted.clone(), reference) {
                    _ if year_ago_quarter.is_some() => year_ago_quarter.unwrap_or_default(),
                    (Some((v, _)), Some(_)) if count.is_some_and(|c| c.fract() == 0.0) => v,
                    (Some((v, _)), None) => v,
                    _ if sign < 0 => "PAST_REF".to_string(),
                    _ => "FUTURE_REF".to_string(),
                };
                let day = match (unit, &shifted) {
                    (Unit::Day, Some((_, Some(p)))) => p.day(),
                    _ => None,
                };
                return Some(Found {
                    start: i,
                    end: end.min(self.sent.end),
                    value,
                    kind: DateType::Date,
                    day,
                    coarse: None,
                    names_quarter: false,
                    freq: None,
                });
            }
        }
        if unit == Unit::Weekend {
            return None;
        }
        Some(found(
            i,
            e,
            resolve::duration(count, unit),
            DateType::Duration,
        ))
    }

    /// The first count of a range of durations, which TimeML annotates
    /// as two expressions: `60` in `between 60 and 90 days`, `two` in
    /// `two to three weeks` (the second is an ordinary duration).
    fn range_start(&self, i: usize) -> Option<Found> {
        if matches!(self.w(i), "a" | "an") {
            return None;
        }
        let (Some(count), k) = self.count_at(i)? else {
            return None;
        };
        if !matches!(self.w(k), "to" | "and" | "or") {
            return None;
        }
        let (Some(_), mut u) = self.count_at(k + 1)? else {
            return None;
        };
        while lexicon::is_unit_adjective(self.w(u)) {
            u += 1;
        }
        let (unit, plural) = lexicon::unit(self.w(u))?;
        if !plural || unit == Unit::Weekend {
            return None;
        }
        // "aged 18 to 25 years old": ages, which TimeML leaves unannotated.
        if self.w(u + 1) == "old" {
            return None;
        }
        // "20 and 50 years ago", "two or three weeks ago": the first count
        // is a point too, as the second is.
        if self.w(u + 1) == "ago" && count.fract() == 0.0 {
            let n = count as i64;
            return Some(self.found_tree(i, k, &units_away(Expr::document(), -n, unit)));
        }
        Some(found(
            i,
            k,
            resolve::duration(Some(count), unit),
            DateType::Duration,
        ))
    }

    /// A bare plural unit of vague length: `for years`, `in just minutes`,
    /// `decades-long`.
    fn vague_duration(&self, i: usize) -> Option<Found> {
        // "over the years", "through the decades": the stretch up to the
        // time told, of vague length (`PXY`), as "for years" is; not "over
        // the years of the war", a stretch the noun after it bounds.
        if self.w(i) == "the"
            && matches!(self.prev(i), "over" | "through" | "throughout" | "across")
            && self.w(i + 2) != "of"
        {
            let (unit, plural) = lexicon::unit(self.w(i + 1))?;
            if !plural || unit == Unit::Weekend {
                return None;
            }
            return Some(found(
                i,
                i + 2,
                resolve::duration(None, unit),
                DateType::Duration,
            ));
        }
        let (unit, plural) = lexicon::unit(self.w(i))?;
        let long = self.w(i + 1) == "-" && self.glued(i + 1) && self.w(i + 2) == "long";
        // "a month-long strike", "year-long": one unit.
        if !plural && long && unit != Unit::Weekend {
            return Some(found(
                i,
                i + 1,
                resolve::duration(Some(1.0), unit),
                DateType::Duration,
            ));
        }
        if !plural || unit == Unit::Weekend {
            return None;
        }
        let mut p = i;
        if self.prev(p) == "just" {
            p -= 1;
        }
        let prep = matches!(self.prev(p), "for" | "in" | "within" | "over");
        // "weeks later", "months ago", "just days earlier": a vague
        // stretch before or after a point (not "the days before").
        let signal = matches!(self.w(i + 1), "later" | "earlier" | "ago")
            && !lexicon::is_determiner(self.prev(p))
            && self.kind(p.wrapping_sub(1)) != Some(TokenKind::Number);
        if !(prep || long || signal) {
            return None;
        }
        // "in days of old", "for hours of video": not the plain unit.
        if !long && self.w(i + 1) == "of" {
            return None;
        }
        let e = if long { i + 3 } else { i + 1 };
        let end = if long { i + 1 } else { e };
        Some(found(
            i,
            end,
            resolve::duration(None, unit),
            DateType::Duration,
        ))
    }

    /// A count at `j`: `Some(n)`, or `None` for a vague one, with the next index.
    fn count_at(&self, j: usize) -> Option<(Option<f64>, usize)> {
        let w = self.w(j);
        if self.kind(j) == Some(TokenKind::Number) {
            if w.contains(',') || w.contains(':') {
                return None;
            }
            let v: f64 = w.parse().ok()?;
            // No stretch of time is counted in millions of units.
            if !(0.0..=1e6).contains(&v) {
                return None;
            }
            // "$13 billion", "No. 5": money and ranks are not counts of time.
            if matches!(self.prev(j), "$" | "€" | "£" | "#" | "no.") {
                return None;
            }
            // "5 1/2 hours".
            if self.w(j + 1) == "1"
                && self.w(j + 2) == "/"
                && self.w(j + 3) == "2"
                && self.glued(j + 2)
                && self.glued(j + 3)
                && v.fract() == 0.0
            {
                return Some((Some(v + 0.5), j + 4));
            }
            return Some((Some(v), j + 1));
        }
        // "half a century", "half an hour".
        if w == "half" && matches!(self.w(j + 1), "a" | "an") {
            return Some((Some(0.5), j + 2));
        }
        // "a quarter of a century".
        if matches!(w, "a" | "one")
            && self.w(j + 1) == "quarter"
            && self.w(j + 2) == "of"
            && self.w(j + 3) == "a"
            && self.w(j + 4) == "century"
        {
            return Some((Some(0.25), j + 4));
        }
        if matches!(w, "a" | "an") {
            match self.w(j + 1) {
                // "a half hour", "a half-hour".
                "half" if self.w(j + 2) == "-" || lexicon::unit(self.w(j + 2)).is_some() => {
                    return Some((Some(0.5), j + 2));
                }
                "few" => {
                    let k = if self.w(j + 2) == "of" { j + 3 } else { j + 2 };
                    return Some((None, k));
                }
                // "a couple of years": two, as TimeML counts it (`P2Y`).
                "couple" if self.w(j + 2) == "of" => return Some((Some(2.0), j + 3)),
                // "a hundred days".
                "hundred" => return Some((Some(100.0), j + 2)),
                "half" => return None,
                _ => return Some((Some(1.0), j + 1)),
            }
        }
        if lexicon::is_vague_quantity(w) {
            return Some((None, j + 1));
        }
        // "the next couple of years".
        if w == "couple"
            && self.w(j + 1) == "of"
            && matches!(self.prev(j), "next" | "past" | "last" | "first" | "coming")
        {
            return Some((Some(2.0), j + 2));
        }
        let n = lexicon::number_word(w)?;
        // "one hundred", "two hundred fifty": hundreds, then the rest.
        if (1..10).contains(&n) && w != "single" && self.w(j + 1) == "hundred" {
            let mut k = j + 2;
            if self.w(k) == "and" && lexicon::number_word(self.w(k + 1)).is_some_and(|r| r < 100) {
                k += 1;
            }
            return Some(match lexicon::number_word(self.w(k)).filter(|r| *r < 100) {
                Some(r) if !matches!(self.w(k), "a" | "an" | "single") => {
                    let (r, e) = self.tens_and_units(r, k);
                    (Some(f64::from(n * 100 + r)), e)
                }
                _ => (Some(f64::from(n * 100)), j + 2),
            });
        }
        let (n, e) = self.tens_and_units(n, j);
        Some((Some(f64::from(n)), e))
    }

    /// A tens word at `j` with its units (`twenty-five`, or spoken
    /// `twenty four`): the number and the token after it.
    fn tens_and_units(&self, n: u32, j: usize) -> (u32, usize) {
        if n < 20 || n % 10 != 0 || n >= 100 {
            return (n, j + 1);
        }
        let (k, hyphen) = if self.w(j + 1) == "-" && self.glued(j + 1) {
            (j + 2, true)
        } else {
            (j + 1, false)
        };
        match lexicon::number_word(self.w(k)).filter(|u| *u < 10) {
            Some(u) if !matches!(self.w(k), "a" | "an" | "single") || hyphen => (n + u, k + 1),
            _ => (n, j + 1),
        }
    }

    /// `Q1 2025`, `the first quarter (of 2025 | of this year)`, `first-quarter`,
    /// `the first half of 2025`.
    fn quarter_expr(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if let Some(q) = w.strip_prefix('q').and_then(|d| d.parse::<u32>().ok()) {
            if !(1..=4).contains(&q) || self.kind(i) != Some(TokenKind::Word) {
                return None;
            }
            if let Some(y) = self.year_num(i + 1) {
                let e = Expr::Year(y).intersect(Field::Quarter(q));
                return Some(self.found_tree(i, i + 2, &e));
            }
            return Some(self.found_tree(i, i + 1, &self.quarter_tree(q, i..i + 1)));
        }
        let mut j = i;
        if w == "the" {
            j += 1;
        }
        // A year before the ordinal: "the 1988 second quarter", "this
        // year's third quarter", "the year-ago third quarter".
        let mut pre_year: Option<Expr> = None;
        let mut year_ago = false;
        if let Some(y) = self.year_num(j).filter(|_| j > i) {
            pre_year = Some(Expr::Year(y));
            j += 1;
        } else if self.w(j + 1) == "year" && matches!(self.w(j + 2), "'s" | "’s") {
            let off = lexicon::deictic_offset(self.w(j));
            if let Some(off) = off {
                pre_year = Some(Expr::document().shift(off, Unit::Year));
                j += 3;
            }
        } else if j > i
            && self.w(j) == "year"
            && self.w(j + 1) == "-"
            && matches!(self.w(j + 2), "ago" | "earlier")
        {
            year_ago = true;
            j += 3;
        }
        // "the first two quarters of 1990": the year's first half, as
        // TimeML values it (with the year written, else it is a count).
        if matches!(self.w(j), "first" | "last")
            && self.w(j + 1) == "two"
            && self.w(j + 2) == "quarters"
        {
            let half = Field::Half(if self.w(j) == "first" { 1 } else { 2 });
            let e = j + 3;
            let (year, e) = match pre_year {
                Some(y) => (y, e),
                None => {
                    let yk = if self.w(e) == "of" { e + 1 } else { e };
                    (Expr::Year(self.year_num(yk)?), yk + 1)
                }
            };
            let year = if year_ago {
                year.shift(-1, Unit::Year)
            } else {
                year
            };
            return Some(self.found_tree(i, e, &year.intersect(half)));
        }
        let ord = self.w(j);
        // "the last half of 2025", "the last quarter of 2025".
        let last_of =
            ord == "last" && matches!(self.w(j + 1), "half" | "quarter") && self.w(j + 2) == "of";
        let ord_n = match self.w(j + 1) {
            "half" if last_of => Some(2),
            "quarter" if last_of => Some(4),
            _ => None,
        };
        let n = ord_n.or_else(|| lexicon::ordinal_word(ord)).or_else(|| {
            let num = ord.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suf = &ord[num.len()..];
            matches!(suf, "st" | "nd" | "rd" | "th")
                .then(|| num.parse().ok())
                .flatten()
        })?;
        let mut k = j + 1;
        if self.w(k) == "-" && self.glued(k) {
            k += 1;
        }
        if self.w(k) == "fiscal" {
            k += 1;
        }
        let (half, max) = match self.w(k) {
            "quarter" => (false, 4),
            "half" => (true, 2),
            _ => return None,
        };
        if !(1..=max).contains(&n) {
            return None;
        }
        let mut e = k + 1;
        // "the second half of July": a part of the month, left to the month.
        if self.w(e) == "of" && self.month_at(e + 1).is_some() {
            return None;
        }
        // Year: "of 2025", "2025", "of this/last/next year".
        let mut year: Option<Expr> = pre_year;
        let yk = if self.w(e) == "of" { e + 1 } else { e };
        if year.is_some() {
        } else if let Some(y) = self.year_num(yk) {
            year = Some(Expr::Year(y));
            e = yk + 1;
        } else if last_of {
            return None;
        } else if self.w(e) == "of" && self.w(yk + 1) == "year" {
            let off = match self.w(yk) {
                "the" => Some(0),
                w => lexicon::deictic_offset(w),
            };
            if let Some(off) = off {
                year = Some(Expr::document().shift(off, Unit::Year));
                e = yk + 2;
            }
        }
        let field = if half {
            Field::Half(n)
        } else {
            Field::Quarter(n)
        };
        let year = match year {
            None if half => Some(Expr::document().shift(0, Unit::Year)),
            y => y,
        };
        let tree = match year {
            Some(y) if year_ago => y.shift(-1, Unit::Year).intersect(field),
            Some(y) => y.intersect(field),
            None if year_ago => self.quarter_tree(n, i..e).shift(-4, Unit::Quarter),
            None => self.quarter_tree(n, i..e),
        };
        Some(self.found_tree(i, e, &tree))
    }

    /// Whether quarter `q` of year `y` has begun its last month by
    /// publication (a report in the quarter's last month, or with no
    /// publication date, counts it as ended).
    fn quarter_ended(&self, y: i32, q: u32) -> bool {
        self.published
            .is_none_or(|p| (y, q * 3) <= (p.year(), p.month()))
    }

    /// The last quarter mentioned, if it was in this sentence or one of
    /// the `back` before it.
    fn recent_quarter(&self, back: usize) -> Option<(i32, u32)> {
        let (y, q, at) = self.quarter_anchor?;
        (self.sent_no - at <= back).then_some((y, q))
    }

    /// A quarter named by reference to the last one mentioned: `the
    /// quarter`, `the latest quarter`, `that quarter`, `the year-ago
    /// quarter`, `the comparable year-earlier period`.
    fn quarter_ref(&self, i: usize) -> Option<Found> {
        // "year-earlier" as an adjective ("a year-earlier loss", "the
        // year-ago results"): the quarter a year before in a report
        // comparing quarters, else the year before publication. (`the
        // year-ago quarter` is a reference below, `the year-ago nine
        // months` a count.)
        if self.w(i) == "year"
            && self.w(i + 1) == "-"
            && matches!(self.w(i + 2), "ago" | "earlier")
            && !matches!(self.w(i + 3), "quarter" | "period")
            && self.count_at(i + 3).is_none()
        {
            let value = match self.recent_quarter(4) {
                Some((y, q)) => shift_quarter(y, q, -4)?,
                None => {
                    self.published?;
                    self.eval(&Expr::document().shift(-1, Unit::Year)).0
                }
            };
            return Some(found(i, i + 3, value, DateType::Date));
        }
        if !matches!(self.w(i), "the" | "that") {
            return None;
        }
        let mut j = i + 1;
        let mut named = false;
        // "the 1988 quarter", "the 1989 period": that year's quarter.
        let written = self.year_num(j);
        if written.is_some() {
            named = true;
            j += 1;
        }
        if matches!(
            self.w(j),
            "latest" | "current" | "comparable" | "corresponding" | "same"
        ) {
            named = true;
            j += 1;
        }
        let mut back = 0;
        if self.w(j) == "year" && self.w(j + 1) == "-" && matches!(self.w(j + 2), "ago" | "earlier")
        {
            back = 4;
            named = true;
            j += 3;
        }
        // With no quarter named nearby, the last one ended: results are
        // reported after the quarter.
        let (y, q) = match self.recent_quarter(5) {
            Some(yq) => yq,
            None if written.is_some() => return None,
            None => {
                let last = self.eval(&Expr::document().shift(-1, Unit::Quarter)).1?;
                (last.at.year(), resolve::quarter_of(last.at))
            }
        };
        let y = written.unwrap_or(y);
        let noun = self.w(j);
        // "quarter-to-quarter": a comparison, not a quarter; "the quarter
        // of voters who ...": a fraction.
        if self.w(j + 1) == "-" || (noun == "quarter" && self.w(j + 1) == "of") {
            return None;
        }
        let mut e = j + 1;
        // "the corresponding period last year", "... a year earlier".
        if back == 0 && written.is_none() {
            if self.w(e) == "last" && self.w(e + 1) == "year" {
                back = 4;
                e += 2;
            } else if matches!(self.w(e), "a" | "one")
                && self.w(e + 1) == "year"
                && matches!(self.w(e + 2), "ago" | "earlier")
            {
                back = 4;
                e += 3;
            }
        }
        match noun {
            "quarter" => {}
            "period" if named && (back > 0 || written.is_some() || self.w(i + 1) == "latest") => {}
            _ => return None,
        }
        // "the quarter ended Sept. 30" with no quarter named nearby: the
        // calendar quarter holding most of the three months to that day
        // (fiscal quarters end in any month), and the reference for a
        // later `a year earlier`. A quarter named nearby (`its fiscal
        // first quarter`) keeps its own number, as TimeBank writes it.
        if noun == "quarter" && back == 0 && written.is_none() && self.recent_quarter(5).is_none() {
            if let Some(end) = self.period_end(e) {
                let mid = resolve::add_days(end, -45)?;
                let (y, q) = (mid.year(), resolve::quarter_of(mid));
                return Some(Found {
                    names_quarter: true,
                    ..found(i, e, resolve::quarter(y, q), DateType::Date)
                });
            }
        }
        Some(found(i, e, shift_quarter(y, q, -back)?, DateType::Date))
    }

    /// The year a report covers: `for the year`, `for the full year`,
    /// `throughout the fiscal year`, `the first nine months of the year`,
    /// `the full year` — the year of the quarter named nearby (a January
    /// report of the fourth quarter and the year is last year's), else
    /// the reference's year; a fiscal year is `FY…` (module docs). Only
    /// where the phrase ends the noun phrase: `the year before`, `the
    /// year he left`, `the year-ago quarter` are other things.
    fn reporting_year(&self, i: usize) -> Option<Found> {
        if self.w(i) != "the" {
            return None;
        }
        let mut j = i + 1;
        let full = self.w(j) == "full";
        let fiscal = matches!(self.w(j), "fiscal" | "financial");
        if full || fiscal {
            j += 1;
        }
        if self.w(j) != "year" {
            return None;
        }
        let prev = self.prev(i);
        let part_of_year = prev == "of"
            && matches!(
                self.w(i.wrapping_sub(2)),
                "months" | "weeks" | "days" | "quarters"
            );
        if !(full || part_of_year || matches!(prev, "for" | "throughout")) {
            return None;
        }
        let e = j + 1;
        let ends_phrase = matches!(
            self.kind(e),
            None | Some(TokenKind::Punct) | Some(TokenKind::Quote)
        ) && self.w(e) != "-"
            || matches!(
                self.w(e),
                "was" | "were" | "is" | "are" | "will" | "would" | "should" | "could" | "may"
            );
        // `the full year` is the reporting year whatever follows, but for
        // its end date (`the full year ended June 30`, a length above).
        let full_year = full && !matches!(self.w(e), "ended" | "ending" | "-");
        if !(ends_phrase || full_year) {
            return None;
        }
        let y = match self.recent_quarter(5) {
            Some((y, _)) => y,
            None => self.published?.year(),
        };
        let value = if fiscal {
            format!("FY{y:04}")
        } else {
            format!("{y:04}")
        };
        Some(found(i, e, value, DateType::Date))
    }

    /// `the year ended Sept. 30`, `the fiscal year ending June 30, 1990`:
    /// a reporting year, which TimeBank annotates as its length (`P1Y`,
    /// the span `the year`); the end date is an expression of its own.
    fn year_ended(&self, i: usize) -> Option<Found> {
        if self.w(i) != "the" {
            return None;
        }
        let j = if self.w(i + 1) == "fiscal" {
            i + 2
        } else {
            i + 1
        };
        if self.w(j) != "year" {
            return None;
        }
        self.period_end(j + 1)?;
        Some(found(i, j + 1, "P1Y".to_string(), DateType::Duration))
    }

    /// The day a period ends when `ended`/`ending` and a month-day follow
    /// token `e` (`ended Sept. 30`, `ending June 30, 1990`).
    fn period_end(&self, e: usize) -> Option<NaiveDate> {
        if !matches!(self.w(e), "ended" | "ending") {
            return None;
        }
        let (m, k) = self.month_at(e + 1)?;
        self.month_first(e + 1, e + 1, m, k)?.day
    }

    /// Year of a quarter named without one: this year's unless it is later
    /// than the current quarter in a clause not pointing forward (then last
    /// year's). Quarters are reported after they end, so even a future
    /// clause (`expects to report third-quarter results`) means this year's
    /// earlier quarter, not next year's.
    fn quarter_tree(&self, q: u32, span: Range<usize>) -> Expr {
        let quarter = Field::Quarter(q);
        match self.tense(span) {
            Tense::Past => Expr::document().nearest(quarter, Dir::Back { strict: false }),
            Tense::Future => Expr::document().shift(0, Unit::Year).intersect(quarter),
        }
    }

    /// Whether token `j` comes right after an amount (`$2 million`, `40`,
    /// `5%`): a unit after it is a rate (`a year`, `per hour`).
    fn follows_amount(&self, j: usize) -> bool {
        lexicon::is_magnitude(self.prev(j))
            || self.kind(j.wrapping_sub(1)) == Some(TokenKind::Number)
    }

    /// `every Monday`, `each year`, `daily`, `weekly`, `annual`, `on Mondays`,
    /// `every morning`, `on weekends`, `$40 per hour`.
    fn set_expr(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let simple = match w {
            "daily" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "quarterly" => Some("P3M"),
            "yearly" | "annual" | "annually" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            "nightly" => Some("P1D"),
            _ => None,
        };
        if let Some(v) = simple {
            // "Daily Mail", "Weekly Standard": names, not sets.
            if self.capitalized(i) && i != self.sent.start {
                return None;
            }
            // "a quarterly dividend", "the annual meeting": an adjective
            // classifying a noun, not a recurrence TimeML annotates.
            if matches!(w, "quarterly" | "annual" | "yearly" | "monthly")
                && self.kind(i + 1) == Some(TokenKind::Word)
                && !matches!(self.w(i + 1), "and" | "or" | "basis")
            {
                return None;
            }
            return Some(found(i, i + 1, v.to_string(), DateType::Set));
        }
        if matches!(w, "every" | "each") {
            let mut j = i + 1;
            let mut n = 1.0;
            if let Some((Some(c), k)) = self.count_at(j) {
                if !matches!(self.w(j), "a" | "an") {
                    n = c;
                    j = k;
                }
            }
            // "every other week": every second one.
            if self.w(j) == "other" && n == 1.0 {
                n = 2.0;
                j += 1;
            }
            if let Some(wd) = lexicon::weekday_full(self.w(j)) {
                return Some(found(i, j + 1, format!("XXXX-WXX-{wd}"), DateType::Set));
            }
            // "each July": every July.
            if let Some(m) = lexicon::month(self.w(j)).filter(|_| self.capitalized(j)) {
                return Some(found(i, j + 1, format!("XXXX-{m:02}"), DateType::Set));
            }
            // "every summer", "each spring".
            if let Some(code) = lexicon::season(self.w(j)) {
                return Some(found(i, j + 1, format!("XXXX-{code}"), DateType::Set));
            }
            // "each season": one of the year's four, every three months.
            if self.w(j) == "season" && n == 1.0 {
                return Some(found(i, j + 1, "P3M".to_string(), DateType::Set));
            }
            // "every morning", "each night": that part of every day, as
            // "Sunday mornings" is of every Sunday.
            if let Some(pod) = lexicon::part_of_day(self.w(j)).filter(|_| n == 1.0) {
                return Some(found(i, j + 1, format!("XXXX-XX-XXT{pod}"), DateType::Set));
            }
            let (unit, _) = lexicon::unit(self.w(j))?;
            if unit == Unit::Weekend {
                return Some(found(i, j + 1, "XXXX-WXX-WE".to_string(), DateType::Set));
            }
            return Some(found(
                i,
                j + 1,
                resolve::duration(Some(n), unit),
                DateType::Set,
            ));
        }
        // "Tuesday nights", "on Sunday mornings": that part of every such day.
        if let Some(wd) = lexicon::weekday_full(w).filter(|_| self.capitalized(i)) {
            let pod = self
                .w(i + 1)
                .strip_suffix('s')
                .and_then(lexicon::part_of_day);
            if let Some(pod) = pod {
                return Some(found(
                    i,
                    i + 2,
                    format!("XXXX-WXX-{wd}T{pod}"),
                    DateType::Set,
                ));
            }
        }
        if let Some(wd) = lexicon::weekday_plural(w) {
            if self.capitalized(i) && matches!(self.prev(i), "on" | "of") {
                return Some(found(i, i + 1, format!("XXXX-WXX-{wd}"), DateType::Set));
            }
        }
        // "open on weekends", "works at weekends": every weekend, as "on
        // Mondays" is every Monday (not "two weekends", a count).
        if w == "weekends" && matches!(self.prev(i), "on" | "at") {
            return Some(found(i, i + 1, "XXXX-WXX-WE".to_string(), DateType::Set));
        }
        // "$40 per hour", "$3 million per year": a rate right after an
        // amount recurs, as "$3 million a year" does (not "60 miles per
        // hour", a speed).
        if w == "per" {
            let (unit, plural) = lexicon::unit(self.w(i + 1))?;
            if plural || unit == Unit::Weekend || !self.follows_amount(i) {
                return None;
            }
            return Some(found(
                i,
                i + 2,
                resolve::duration(Some(1.0), unit),
                DateType::Set,
            ));
        }
        None
    }

    /// A set with a count per period (TIMEX3 `freq`): `twice a week` (`P1W`,
    /// `2X`), `three times a year`, `once per month`, `four times each day`.
    fn frequency(&self, i: usize) -> Option<Found> {
        let (n, k) = match self.w(i) {
            "once" => (1, i + 1),
            "twice" => (2, i + 1),
            "thrice" => (3, i + 1),
            _ => {
                let (Some(n), k) = self.count_at(i)? else {
                    return None;
                };
                if self.w(k) != "times" || n.fract() != 0.0 || !(1.0..=1000.0).contains(&n) {
                    return None;
                }
                (n as u32, k + 1)
            }
        };
        if !matches!(self.w(k), "a" | "an" | "per" | "each" | "every") {
            return None;
        }
        let (unit, plural) = lexicon::unit(self.w(k + 1))?;
        if plural || unit == Unit::Weekend {
            return None;
        }
        Some(Found {
            freq: Some(format!("{n}X")),
            ..found(i, k + 2, resolve::duration(Some(1.0), unit), DateType::Set)
        })
    }

    /// `3:30 p.m.`, `10 am`, `3pm`, `16:08 UTC`, `0800 GMT`, `noon`, `midnight`.
    fn time_of_day(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        // A clock time takes the day named in its sentence or the three
        // before, else the publication day: a live blog's "2:05 p.m." is the
        // blog's day, not the last day some earlier paragraph mentioned.
        // A clock time alone on its line is a live blog's timestamp: the
        // blog's day, even just after an entry naming another day. (Looked
        // at only once the token is a clock time.)
        // A clock time heading a timeline's entry (`11:40 a.m. — Police
        // arrive`) is on the day of the entry before it: a timeline tells
        // one day, however many sentences its entries run to.
        let carried = self.entry_stamp_day.clone().filter(|_| self.entry_stamp(i));
        let date_prefix = || {
            if let Some(day) = &carried {
                return day.clone();
            }
            let day = if self.sent_no.saturating_sub(self.day_anchor_sent) <= 3
                && !(self.published.is_some() && self.timestamp_line(i))
            {
                self.day_anchor
            } else {
                self.published
            };
            match day {
                Some(d) => resolve::day(d),
                None => "XXXX-XX-XX".to_string(),
            }
        };
        match w {
            "noon" | "midday" => return Some(self.finish_time(i, i + 1, 12, 0, &date_prefix())),
            "midnight" => return Some(self.finish_time(i, i + 1, 24, 0, &date_prefix())),
            _ => {}
        }
        let (h, m, mut e, needs_marker) = match self.kind(i)? {
            // ("12:00pm" read as a number: the glued marker's branch below.)
            TokenKind::Number if w.ends_with('m') || w.ends_with("m.") => {
                return self.glued_marker_time(i, w, &date_prefix());
            }
            TokenKind::Number => {
                if let Some((a, b)) = w.split_once(':') {
                    if b.contains(':') || b.len() != 2 || a.is_empty() || a.len() > 2 {
                        return None;
                    }
                    let h: u32 = a.parse().ok()?;
                    let m: u32 = b.parse().ok()?;
                    (h, m, i + 1, false)
                } else {
                    let (v, len) = self.digits(i)?;
                    if len == 4 {
                        // Military time only with a zone: "0800 UTC".
                        if !matches!(self.w(i + 1), "utc" | "gmt") {
                            return None;
                        }
                        (v / 100, v % 100, i + 1, false)
                    } else if len <= 2 {
                        (v, 0, i + 1, true)
                    } else {
                        return None;
                    }
                }
            }
            TokenKind::Word => return self.glued_marker_time(i, w, &date_prefix()),
            _ => return None,
        };
        if h > 24 || m > 59 {
            return None;
        }
        let marker = self.w(e);
        // "Ephesians 5:11", "Psalm 23:4": a chapter and verse after a
        // capitalized name, not a clock time (which a name before it
        // would not date without `a.m.`, `p.m.` or a zone after it).
        let name_before = i > self.sent.start
            && self.kind(i - 1) == Some(TokenKind::Word)
            && self.capitalized(i - 1)
            && lexicon::weekday(self.prev(i)).is_none()
            && lexicon::month(self.prev(i)).is_none()
            && lexicon::part_of_day(self.prev(i)).is_none();
        if name_before
            && !needs_marker
            && !matches!(
                marker,
                "am" | "pm"
                    | "a.m."
                    | "p.m."
                    | "a.m"
                    | "p.m"
                    | "utc"
                    | "gmt"
                    | "et"
                    | "est"
                    | "edt"
            )
        {
            return None;
        }
        let mut h = h;
        if matches!(marker, "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m") {
            h = ampm(h, marker)?;
            e += 1;
        } else if matches!(marker, "o'clock" | "o’clock") && (1..=12).contains(&h) {
            e += 1;
        } else if let Some(hour) = self.hour_in_part_of_day(i, h, e) {
            // "at 4 in the morning", "at 7 in the evening".
            h = hour;
            e += 3;
        } else if needs_marker {
            return None;
        }
        Some(self.finish_time(i, e, h, m, &date_prefix()))
    }

    /// The 24-hour clock hour of `at 4 in the morning`, `at 7 in the
    /// evening` (a bare hour at `i`, `in the` at `e`): the part of the day
    /// says which half of the clock. Only after `at`, and not before a
    /// noun (`4 in the morning session` is a count).
    fn hour_in_part_of_day(&self, i: usize, h: u32, e: usize) -> Option<u32> {
        if self.prev(i) != "at"
            || !(1..=12).contains(&h)
            || (self.w(e), self.w(e + 1)) != ("in", "the")
            || (self.kind(e + 3) == Some(TokenKind::Word)
                && !lexicon::is_preposition(self.w(e + 3))
                && !matches!(self.w(e + 3), "and" | "or" | "when" | "before" | "after"))
        {
            return None;
        }
        match lexicon::part_of_day(self.w(e + 2))? {
            "MO" => Some(h % 12),
            "AF" | "EV" => Some(if h == 12 { 12 } else { h + 12 }),
            "NI" if h >= 6 => Some(if h == 12 { 24 } else { h + 12 }),
            "NI" => Some(h),
            _ => None,
        }
    }

    /// Whether token `i` opens a short line of its own (`9:40 p.m.`,
    /// `10:15 a.m. ET`): a timestamp heading a live blog's entry.
    fn timestamp_line(&self, i: usize) -> bool {
        let body = self.text.body();
        let Some(start) = self.line_opened_at(i) else {
            return false;
        };
        let line_end = body
            .get(start..)
            .and_then(|b| b.find('\n'))
            .map_or(body.len(), |n| start + n);
        let line = body.get(start..line_end).unwrap_or("").trim();
        !line.is_empty() && line.len() <= TIMESTAMP_BYTES
    }

    /// The byte offset of token `i` when it opens its line (only blanks
    /// before it since the last line break), else `None`.
    fn line_opened_at(&self, i: usize) -> Option<usize> {
        let body = self.text.body();
        let start = self.text.tokens().get(i)?.range().start;
        let line_start = body
            .get(..start)
            .and_then(|b| b.rfind('\n'))
            .map_or(0, |n| n + 1);
        body.get(line_start..start)
            .is_some_and(|p| p.trim().is_empty())
            .then_some(start)
    }

    /// A clock time with its marker glued on (`7pm`, `12:00pm`), at
    /// token `i` of text `w`, on the day `date`.
    fn glued_marker_time(&self, i: usize, w: &str, date: &str) -> Option<Found> {
        let num = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        let suf = &w[num.len()..];
        if !matches!(suf, "am" | "pm" | "a.m." | "p.m.") {
            return None;
        }
        let (hh, mm) = num.split_once(':').unwrap_or((num, "00"));
        if hh.is_empty() || hh.len() > 2 || mm.len() != 2 {
            return None;
        }
        let (h, m): (u32, u32) = (hh.parse().ok()?, mm.parse().ok()?);
        if m > 59 {
            return None;
        }
        Some(self.finish_time(i, i + 1, ampm(h, suf)?, m, date))
    }

    /// Whether token `i` opens its line and heads an entry: a clock time
    /// then a dash or colon within a few tokens (`11:40 a.m. — Police
    /// arrive`, `6:45 pm – Names released`).
    fn entry_stamp(&self, i: usize) -> bool {
        self.line_opened_at(i).is_some()
            && (i + 1..i + 5)
                .take_while(|&k| self.kind(k).is_some())
                .any(|k| matches!(self.w(k), "–" | "—" | "-" | ":") && !self.glued(k + 1))
    }

    fn finish_time(&self, i: usize, e: usize, h: u32, mm: u32, date: &str) -> Found {
        let mut e = e;
        let zone = match self.w(e) {
            "utc" | "gmt" => {
                e += 1;
                "Z"
            }
            "et" | "est" | "edt" | "pt" | "pst" | "pdt" | "ct" | "cst" | "cdt" | "bst" | "cet" => {
                e += 1;
                ""
            }
            _ => "",
        };
        // "4 p.m. EDT Thursday", "noon, Saturday": the day named decides.
        let mut date = date.to_string();
        let d = if self.w(e) == "," && lexicon::weekday_full(self.w(e + 1)).is_some() {
            e + 1
        } else {
            e
        };
        // "5 p.m. EST Nov. 9", "noon, March 3, 2025": the date written after.
        let m = if self.w(e) == "," { e + 1 } else { e };
        if let Some(f) = self
            .month_at(m)
            .and_then(|(mo, k)| self.month_first(m, m, mo, k))
            .filter(|f| f.day.is_some())
        {
            let value = format!("{}T{h:02}:{m:02}{zone}", f.value, m = mm);
            return found(i, f.end, value, DateType::Time);
        }
        if let Some(wd) = lexicon::weekday_full(self.w(d)).filter(|_| self.capitalized(d)) {
            e = d + 1;
            let tree = Expr::document().nearest(Field::Weekday(wd), Dir::of(self.tense(i..e)));
            date = self.eval(&tree).0;
        } else if let Some(off) = match self.w(d) {
            "today" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            _ => None,
        } {
            e = d + 1;
            date = self.eval(&Expr::document().shift(off, Unit::Day)).0;
        } else if let Some(day) = self.day_after_on(e, i) {
            // "at 2:15 a.m. on March 3", "10 a.m. on Friday": the day is
            // its own expression, but it dates the clock time.
            date = day;
        }
        found(i, e, format!("{date}T{h:02}:{mm:02}{zone}"), DateType::Time)
    }

    /// The value of a day written as `on` + a month-day or weekday at token
    /// `e` (after a clock time starting at `start`).
    fn day_after_on(&self, e: usize, start: usize) -> Option<String> {
        if self.w(e) != "on" {
            return None;
        }
        let d = e + 1;
        if let Some(f) = self
            .month_at(d)
            .and_then(|(mo, k)| self.month_first(d, d, mo, k))
            .filter(|f| f.day.is_some())
        {
            return Some(f.value);
        }
        let wd = lexicon::weekday_full(self.w(d)).filter(|_| self.capitalized(d))?;
        let tree = Expr::document().nearest(Field::Weekday(wd), Dir::of(self.tense(start..d + 1)));
        self.eval(&tree).1.map(|p| p.value())
    }

    /// A bare year (`2024`, `in 1991`, `Expo 2010`, `early 2013`, `'87`),
    /// only where a year is plausible.
    fn year_expr(&self, i: usize) -> Option<Found> {
        // "fiscal 2009", "FY2009": the fiscal year `FY2009` (TimeML's
        // form, see the module docs), the word kept in the span.
        if self.w(i) == "fiscal" {
            let y = self.year_num(i + 1)?;
            return Some(found(i, i + 2, format!("FY{y:04}"), DateType::Date));
        }
        // Spoken years: "nineteen ninety-six", "the year two thousand".
        if let Some(y) = self.spelled_year(i) {
            return Some(y);
        }
        if let Some(d) = self.w(i).strip_prefix("fy") {
            if d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()) {
                return Some(found(i, i + 1, format!("FY{d}"), DateType::Date));
            }
        }
        let j = self.point_modifier(i);
        // "'82"
        if matches!(self.w(j), "'" | "’") {
            let (v, len) = self.digits(j + 1)?;
            if len != 2 || !self.glued(j + 1) || !lexicon::is_year_preposition(self.prev(j)) {
                return None;
            }
            if self.w(j + 2) == "s" {
                return None;
            }
            let reference = self.published.map_or(2030, |p| p.year() + 10);
            let y = if 2000 + v as i32 <= reference {
                2000 + v
            } else {
                1900 + v
            };
            return Some(found(i, j + 2, format!("{y:04}"), DateType::Date));
        }
        let (v, len) = self.digits(j)?;
        let prev = self.prev(j);
        let next = self.w(j + 1);
        // Before 1900 a year needs a preposition before and nothing after
        // (`independence in 1898.`): such numbers are more often counts.
        let early_year = (1000..1900).contains(&v)
            && lexicon::is_year_preposition(prev)
            && matches!(
                self.kind(j + 1),
                None | Some(TokenKind::Punct) | Some(TokenKind::Quote)
            );
        if len != 4 || !((1900..=2099).contains(&v) || early_year) {
            return None;
        }
        if matches!(
            prev,
            "$" | "€" | "£" | "#" | "no." | "number" | "at" | "about"
        ) || matches!(next, "%" | "percent")
            || (matches!(next, ":" | "/") && self.glued(j + 1))
        {
            return None;
        }
        let is_determiner = |w: &str| {
            matches!(
                w,
                "the" | "its" | "their" | "his" | "her" | "our" | "this" | "a" | "'s" | "’s"
            )
        };
        // "his unsuccessful 1996 campaign": an adjective between.
        let determiner = is_determiner(prev)
            || (j >= self.sent.start + 2
                && is_determiner(self.w(j - 2))
                && self.kind(j - 1) == Some(TokenKind::Word)
                && !self.capitalized(j - 1)
                && self.kind(j + 1) == Some(TokenKind::Word)
                && !self.capitalized(j + 1)
                && !lexicon::is_count_noun(next));
        if lexicon::is_count_noun(next) && !determiner {
            return None;
        }
        let after_ok = matches!(
            self.kind(j + 1),
            None | Some(TokenKind::Punct) | Some(TokenKind::Quote)
        ) || matches!(
            next,
            "and" | "or" | "but" | "was" | "were" | "is" | "when" | "as" | "saw" | "to"
        );
        let before_ok = lexicon::is_year_preposition(prev)
            || determiner
            || j > i
            || lexicon::month(prev).is_some()
            || (j > self.sent.start && self.capitalized(j - 1) && !self.capitalized(j + 1))
            || j == self.sent.start;
        // "Northwind 2000 Series", "Acme 3000 Pro": part of a name.
        if j > self.sent.start && self.capitalized(j - 1) && self.capitalized(j + 1) {
            return None;
        }
        if !(before_ok || after_ok) {
            return None;
        }
        let point = i32::try_from(v)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1));
        Some(with_coarse(
            found(i, j + 1, format!("{v:04}"), DateType::Date),
            point,
            Unit::Year,
        ))
    }

    /// A year said in words: `nineteen ninety-six`, `nineteen eighty`,
    /// `the year two thousand`.
    fn spelled_year(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if w == "the"
            && self.w(i + 1) == "year"
            && self.w(i + 2) == "two"
            && self.w(i + 3) == "thousand"
        {
            return Some(found(i, i + 4, "2000".to_string(), DateType::Date));
        }
        let century = match w {
            "nineteen" => 19,
            "eighteen" => 18,
            _ => return None,
        };
        let tens = lexicon::number_word(self.w(i + 1)).filter(|t| (10..=90).contains(t))?;
        let (rest, e) = if tens >= 20 && tens % 10 == 0 && self.w(i + 2) == "-" && self.glued(i + 2)
        {
            match lexicon::number_word(self.w(i + 3)).filter(|u| (1..=9).contains(u)) {
                Some(u) => (tens + u, i + 4),
                None => (tens, i + 2),
            }
        } else {
            (tens, i + 2)
        };
        Some(found(
            i,
            e,
            format!("{}", century * 100 + rest),
            DateType::Date,
        ))
    }

    /// `the 1990s`, `the early 2000s`, `the '90s`, `1980s`.
    fn decade_expr(&self, i: usize) -> Option<Found> {
        let mut j = i;
        if self.w(j) == "the" {
            j += 1;
        }
        j = self.point_modifier(j);
        let apostrophe = matches!(self.w(j), "'" | "’");
        if apostrophe {
            j += 1;
        }
        let w = self.w(j);
        // "the nineties", "the early sixties": a decade of the 1900s, after
        // "the" (not "in her nineties", an age; not temperatures).
        if !apostrophe && self.w(i) == "the" {
            if let Some(d) = lexicon::decade_word(w) {
                if self.measure_told() || matches!(self.w(j + 1), "percent" | "%") {
                    return None;
                }
                return Some(found(i, j + 1, format!("19{d}"), DateType::Date));
            }
        }
        // "1980's": the possessive-looking 's is the plural.
        let (digits, e) = match w.strip_suffix('s') {
            Some(d) => (d, j + 1),
            None if matches!(self.w(j + 1), "'s" | "’s") && self.glued(j + 1) => (w, j + 2),
            None => return None,
        };
        if !digits.bytes().all(|b| b.is_ascii_digit()) || !digits.ends_with('0') {
            return None;
        }
        // "the 70s", "the early 80s", "the 70s and 80s": a bare two-digit
        // decade needs "the"/a modifier or a decade just before, and is no
        // temperature or percentage.
        let bare_ok = !apostrophe
            && digits.len() == 2
            && (j > i
                || (matches!(self.prev(i), "and" | "or" | "to" | "through")
                    && self.w(i.saturating_sub(2)).ends_with("0s")))
            && !matches!(self.w(e), "degrees" | "percent" | "%" | "temperatures")
            && !self.measure_told();
        let value = match (digits.len(), apostrophe || bare_ok) {
            (4, false) => {
                let y: u32 = digits.parse().ok()?;
                if !(1000..=2990).contains(&y) {
                    return None;
                }
                digits.get(..3)?.to_string()
            }
            (2, true) => {
                let d: u32 = digits.parse().ok()?;
                if d <= 20 {
                    format!("20{}", d / 10)
                } else {
                    format!("19{}", d / 10)
                }
            }
            _ => return None,
        };
        Some(found(i, e, value, DateType::Date))
    }

    /// Whether the sentence tells a temperature or a rating (`highs in the
    /// nineties`, `approval in the mid-30s`): its `the 30s` is no decade.
    fn measure_told(&self) -> bool {
        self.sent.clone().any(|k| {
            matches!(
                self.w(k),
                "degrees"
                    | "temperature"
                    | "temperatures"
                    | "highs"
                    | "lows"
                    | "heat"
                    | "rating"
                    | "ratings"
                    | "approval"
                    | "favorability"
            )
        })
    }

    /// `the 20th century`, `the nineteenth century`.
    fn century_expr(&self, i: usize) -> Option<Found> {
        let j = if self.w(i) == "the" { i + 1 } else { i };
        let j = self.point_modifier(j);
        let w = self.w(j);
        let n = match w {
            "nineteenth" => 19,
            "twentieth" => 20,
            "twenty-first" => 21,
            _ => {
                let num = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                if !matches!(&w[num.len()..], "st" | "nd" | "rd" | "th") {
                    return None;
                }
                num.parse::<u32>().ok()?
            }
        };
        let mut e = j + 1;
        // "twenty-first" is three tokens.
        if w == "twenty" {
            return None;
        }
        if self.w(e) == "-" && self.glued(e) {
            e += 1;
        }
        if self.w(e) != "century" || !(10..=21).contains(&n) {
            return None;
        }
        // "21st Century Fox", "the 20th Century Limited": a capitalized
        // Century before another capitalized word begins a name.
        if self.capitalized(e)
            && self.capitalized(e + 1)
            && self.kind(e + 1) == Some(TokenKind::Word)
        {
            return None;
        }
        Some(found(i, e + 1, format!("{:02}", n - 1), DateType::Date))
    }

    /// `this summer`, `last fall`, `Autumn 2008`, `the spring of 2025`.
    fn season_expr(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        // "this past spring", "this coming summer": the one gone, the one ahead.
        let told = match (w, self.w(i + 1)) {
            ("this", "past") => Some(Tense::Past),
            ("this", "coming") => Some(Tense::Future),
            _ => None,
        };
        let (off, j) = match w {
            _ if told.is_some() => (None, i + 2),
            "that" => (None, i + 1),
            "this" => (Some(0i64), i + 1),
            "last" => (Some(-1), i + 1),
            "next" => (Some(1), i + 1),
            _ => (None, self.point_modifier(i)),
        };
        // "in the spring", "during the summer", "well into the early
        // summer": the season of the current year.
        let the_season = off.is_none()
            && told.is_none()
            && self.w(i) == "the"
            && matches!(
                self.prev(i),
                "in" | "during"
                    | "over"
                    | "by"
                    | "until"
                    | "through"
                    | "into"
                    | "throughout"
                    | "since"
                    | "before"
                    | "after"
                    | "of"
            );
        let j = if the_season {
            self.point_modifier(i + 1)
        } else {
            j
        };
        // "the end of the fall semester": `of the fall` is mostly no season.
        if the_season && self.prev(i) == "of" && self.w(j) == "fall" {
            return None;
        }
        let code = lexicon::season(self.w(j))?;
        let e = j + 1;
        let yk = if self.w(e) == "of" { e + 1 } else { e };
        if let Some(t) = told {
            let dir = match t {
                Tense::Past => Dir::Back { strict: true },
                Tense::Future => Dir::Forward { strict: true },
            };
            let season = Field::Season(code);
            return Some(self.found_tree(i, e, &Expr::document().nearest(season, dir)));
        }
        let said = self
            .spelled_year(yk)
            .and_then(|f| Some((f.value.parse::<i32>().ok()?, f.end)));
        let season = Field::Season(code);
        if let Some((y, ye)) = self.year_num(yk).map(|y| (y, yk + 1)).or(said) {
            return Some(self.found_tree(i, ye, &Expr::Year(y).intersect(season)));
        }
        // "since the fall of the regime": a fall, not autumn.
        if the_season && self.w(e) == "of" {
            return None;
        }
        // "that fall", "that spring when he left": the season of the year
        // last named, as `that November` is; not a conjunction before a
        // noun (`warned that winter storms`), so only before a clause's
        // edge or a function word.
        if w == "that" && j == i + 1 && off.is_none() && !self.capitalized(j) {
            let edge = self.kind(e) != Some(TokenKind::Word)
                || lexicon::is_preposition(self.w(e))
                || lexicon::is_determiner(self.w(e))
                || matches!(self.w(e), "and" | "but" | "or" | "when" | "as" | "while");
            // "that fall of the regime": a fall.
            if !edge || self.w(e) == "of" {
                return None;
            }
            let story = Expr::narrative(Unit::Year).shift(0, Unit::Year);
            return Some(self.found_tree(i, e, &story.intersect(season)));
        }
        // "by late summer", "in early spring": a season with a modifier
        // after a preposition of time is the season (`fall` too).
        let modified = j > i
            && off.is_none()
            && !the_season
            && matches!(
                self.prev(i),
                "in" | "by"
                    | "until"
                    | "through"
                    | "during"
                    | "since"
                    | "into"
                    | "before"
                    | "after"
                    | "from"
                    | "throughout"
            );
        // Bare season words only with a determiner or when capitalized mid-sentence.
        let prev_ok = matches!(self.prev(i), "the" | "their" | "its" | "in" | "this");
        let told_season = off.is_some()
            || the_season
            || modified
            || (self.capitalized(j) && j != self.sent.start && prev_ok);
        if !told_season {
            return None;
        }
        if self.w(j) == "fall" && off.is_none() && !the_season && !modified {
            return None;
        }
        if let Some(off) = off {
            let year = Expr::document().shift(off, Unit::Year);
            return Some(self.found_tree(i, e, &year.intersect(season)));
        }
        // A bare season goes by the clause, as a weekday does (`the summer`
        // in a past clause has begun; `by the fall` in a past clause is the
        // one gone); with no cue, the reference's year.
        let dir = match self.direction(i..e) {
            Some(_) => Dir::Lean(self.weekday_tense(i..e)),
            None => Dir::Closest,
        };
        Some(self.found_tree(i, e, &Expr::document().nearest(season, dir)))
    }

    /// Holidays, fixed (`Christmas`, `Christmas Eve`, `New Year's Day`,
    /// `Independence Day`) and computed (`Easter`, `Good Friday`,
    /// `Thanksgiving`, `Memorial Day`, `Labor Day`), optionally with
    /// `last`/`next` or a year: `Thanksgiving 2024`, `last Easter`.
    fn holiday(&self, i: usize) -> Option<Found> {
        let (rel, i0) = match self.w(i) {
            "last" => (Some(Tense::Past), i + 1),
            "next" | "this" => (Some(Tense::Future), i + 1),
            _ => (None, i),
        };
        if !self.capitalized(i0) {
            return None;
        }
        let w1 = self.w(i0 + 1);
        let possessive = matches!(w1, "'s" | "’s");
        let (rule, e): (Holiday, usize) = match self.w(i0) {
            "christmas" => match w1 {
                "eve" => (Holiday::Fixed(12, 24), i0 + 2),
                "day" => (Holiday::Fixed(12, 25), i0 + 2),
                _ => (Holiday::Fixed(12, 25), i0 + 1),
            },
            "new" if w1 == "year" && matches!(self.w(i0 + 2), "'s" | "’s") => {
                match self.w(i0 + 3) {
                    "eve" => (Holiday::Fixed(12, 31), i0 + 4),
                    "day" => (Holiday::Fixed(1, 1), i0 + 4),
                    _ => return None,
                }
            }
            "halloween" => (Holiday::Fixed(10, 31), i0 + 1),
            "valentine" if possessive && self.w(i0 + 2) == "day" => (Holiday::Fixed(2, 14), i0 + 3),
            "independence" if w1 == "day" && self.capitalized(i0 + 1) => {
                (Holiday::Fixed(7, 4), i0 + 2)
            }
            "thanksgiving" => match w1 {
                "day" => (Holiday::Computed(resolve::thanksgiving), i0 + 2),
                _ => (Holiday::Computed(resolve::thanksgiving), i0 + 1),
            },
            // "Easter week", "Easter egg": not the day.
            "easter" => match w1 {
                "sunday" | "day" => (Holiday::Computed(resolve::easter), i0 + 2),
                "monday" => (Holiday::Computed(|y| resolve::easter_offset(y, 1)), i0 + 2),
                _ if self.capitalized(i0 + 1) || lexicon::unit(w1).is_some() => return None,
                _ if w1.chars().next().is_some_and(char::is_alphabetic)
                    && !matches!(w1, "and" | "or" | "in" | "on" | "at") =>
                {
                    return None
                }
                _ => (Holiday::Computed(resolve::easter), i0 + 1),
            },
            "good" if w1 == "friday" && self.capitalized(i0 + 1) => {
                (Holiday::Computed(|y| resolve::easter_offset(y, -2)), i0 + 2)
            }
            "memorial" if w1 == "day" && self.capitalized(i0 + 1) => {
                (Holiday::Computed(resolve::memorial_day), i0 + 2)
            }
            "labor" | "labour" if w1 == "day" && self.capitalized(i0 + 1) => {
                (Holiday::Computed(resolve::labor_day), i0 + 2)
            }
            "election" if w1 == "day" && self.capitalized(i0 + 1) => {
                (Holiday::Computed(resolve::election_day), i0 + 2)
            }
            // "Veterans Day", "Presidents' Day", "President's Day".
            "veterans" | "veteran" | "presidents" | "president" => {
                let k = if matches!(w1, "'" | "’" | "'s" | "’s") {
                    i0 + 2
                } else {
                    i0 + 1
                };
                if self.w(k) != "day" || !self.capitalized(k) {
                    return None;
                }
                let rule = if self.w(i0).starts_with("veteran") {
                    Holiday::Fixed(11, 11)
                } else {
                    Holiday::Computed(resolve::presidents_day)
                };
                (rule, k + 1)
            }
            "black" if w1 == "friday" && self.capitalized(i0 + 1) => {
                (Holiday::Computed(resolve::black_friday), i0 + 2)
            }
            // "Martin Luther King Day", "Martin Luther King Jr. Day", "MLK Day".
            "martin" if w1 == "luther" && self.w(i0 + 2) == "king" => {
                let mut k = i0 + 3;
                if self.w(k) == "jr" || self.w(k) == "jr." {
                    k += 1;
                    if self.w(k) == "." {
                        k += 1;
                    }
                }
                if self.w(k) != "day" || !self.capitalized(k) {
                    return None;
                }
                (Holiday::Computed(resolve::king_day), k + 1)
            }
            "mlk" if w1 == "day" && self.capitalized(i0 + 1) => {
                (Holiday::Computed(resolve::king_day), i0 + 2)
            }
            // "the Fourth of July" (the determiner before is left out, as
            // for other names).
            "fourth" if w1 == "of" && self.w(i0 + 2) == "july" && self.capitalized(i0 + 2) => {
                (Holiday::Fixed(7, 4), i0 + 3)
            }
            _ => return None,
        };
        let holiday = Field::Holiday(rule);
        if rel.is_none() {
            if let Some(y) = self.year_num(e) {
                return Some(self.found_tree(i, e + 1, &Expr::Year(y).intersect(holiday)));
            }
        }
        // "last Christmas" on Christmas Day is the one before; without a
        // word before it, by the clause's cue, else the nearest (not the
        // past by default: a holiday comes once a year, and news names the
        // coming one as often as the last).
        // Election Day without a cue is the coming one: news names it
        // mostly while the campaign leads up to it.
        let no_cue = if self.w(i0) == "election" {
            Dir::Forward { strict: false }
        } else {
            Dir::Closest
        };
        // A past clause takes the holiday this season when it is weeks
        // away (`the Christmas party` shot at in early December, `the
        // Saturday before Christmas` two days before it): the season's
        // events come before the day, and news writes the year of one a
        // year gone. Farther ahead, the one gone (`the vigil was held at
        // Easter` in February).
        let past = || {
            let ahead = Expr::document().nearest(holiday, Dir::Forward { strict: false });
            let weeks_away = match (self.eval(&ahead).1, self.published) {
                (Some(h), Some(p)) => (h.at - p).num_days() <= HOLIDAY_SEASON_DAYS,
                _ => false,
            };
            if weeks_away {
                Dir::Forward { strict: false }
            } else {
                Dir::Back { strict: false }
            }
        };
        let dir = match rel {
            Some(Tense::Past) => Dir::Back { strict: true },
            Some(Tense::Future) => Dir::Forward { strict: true },
            None => match self.direction(i..e) {
                Some(Tense::Past) => past(),
                Some(t) => Dir::of(t),
                None => no_cue,
            },
        };
        Some(self.found_tree(i, e, &Expr::document().nearest(holiday, dir)))
    }

    /// Underspecified references: `now`, `currently`, `recently`,
    /// `the future`, `the past`, `recent years`, `the time being`.
    fn reference_word(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let next = self.w(i + 1);
        let (v, e) = match w {
            // "now-defunct" is an adjective, not a reference.
            "now" if next == "-" && self.glued(i + 1) => return None,
            "now" | "currently" | "presently" | "nowadays" => ("PRESENT_REF", i + 1),
            "current" => {
                if matches!(next, "account" | "accounts" | "affairs" | "events" | "of") {
                    return None;
                }
                ("PRESENT_REF", i + 1)
            }
            "recently" | "lately" => ("PAST_REF", i + 1),
            "more" if next == "recently" => ("PAST_REF", i + 2),
            "recent" if matches!(self.prev(i), "most" | "more") => return None,
            "recent" => match lexicon::unit(next) {
                Some((_, true)) => ("PAST_REF", i + 2),
                _ => ("PAST_REF", i + 1),
            },
            "the" => match (next, self.w(i + 2), self.w(i + 3)) {
                ("future", _, _) => ("FUTURE_REF", i + 2),
                ("near", "future" | "term", _) => ("FUTURE_REF", i + 3),
                // "in the past", not "in the past two years" (a count, a
                // unit or a modifier follows: left to the durations).
                ("past", next2, _)
                    if matches!(self.prev(i), "in")
                        && (matches!(
                            self.kind(i + 2),
                            None | Some(TokenKind::Punct) | Some(TokenKind::Quote)
                        ) || (self.kind(i + 2) == Some(TokenKind::Word)
                            && self.count_at(i + 2).is_none()
                            && lexicon::unit(next2).is_none()
                            && !lexicon::is_unit_adjective(next2)
                            && !matches!(next2, "year's" | "week's" | "month's" | "tense"))) =>
                {
                    ("PAST_REF", i + 2)
                }
                ("time", "being", _) => ("PRESENT_REF", i + 3),
                // "is closed at the moment.", "can, at the moment, do":
                // now, or then in a past clause ("nobody saw it at the
                // moment"); not "at the moment of impact", "at the moment
                // he left", a point the words after it name.
                ("moment", _, _)
                    if self.prev(i) == "at"
                        && matches!(
                            self.kind(i + 2),
                            None | Some(TokenKind::Punct) | Some(TokenKind::Quote)
                        ) =>
                {
                    if self.tense_cue(i..i + 2) == Some(Tense::Past) {
                        ("PAST_REF", i + 2)
                    } else {
                        ("PRESENT_REF", i + 2)
                    }
                }
                _ => return None,
            },
            // "has wavered of late", "the slump of late is": lately (the
            // span leaves the preposition out, as for any expression);
            // not "the widow of late Senator Roe", "of late-night shows".
            "late"
                if self.prev(i) == "of"
                    && !(next == "-" && self.glued(i + 1))
                    && (matches!(
                        self.kind(i + 1),
                        None | Some(TokenKind::Punct) | Some(TokenKind::Quote)
                    ) || matches!(
                        next,
                        "is" | "are"
                            | "was"
                            | "were"
                            | "has"
                            | "have"
                            | "had"
                            | "as"
                            | "and"
                            | "but"
                            | "to"
                            | "in"
                            | "because"
                    )) =>
            {
                ("PAST_REF", i + 1)
            }
            "these" if next == "days" => ("PRESENT_REF", i + 2),
            "at" if next == "present" => ("PRESENT_REF", i + 2),
            // "will soon move"; not "soon became", "was soon released" (a
            // past narrative's soon is no time from now).
            "soon"
                if !matches!(
                    next,
                    "after" | "afterward" | "afterwards" | "as" | "thereafter"
                ) && self.prev(i) != "as"
                    && (self.tense_cue(i..i + 1) != Some(Tense::Past)
                        || matches!(self.prev(i), "anytime" | "time")) =>
            {
                ("FUTURE_REF", i + 1)
            }
            _ => return None,
        };
        Some(found(i, e, v.to_string(), DateType::Date))
    }

    /// `for a third straight day`, `a second consecutive day`, `the
    /// fourth day in a row`, `today is the eighth day of the strike`: a
    /// run of days told up to the day reported, which TimeBank and
    /// MEANTIME value as that day: a day named before it in the
    /// sentence, else the reference. Without a run or a present copula (`on the first
    /// day of the summit`, `his first day in office`) the day is unknown,
    /// and none.
    fn ordinal_day(&self, i: usize) -> Option<Found> {
        if !matches!(self.w(i), "the" | "a") {
            return None;
        }
        lexicon::ordinal_word(self.w(i + 1))?;
        let straight = matches!(self.w(i + 2), "straight" | "consecutive");
        let k = if straight { i + 3 } else { i + 2 };
        if self.w(k) != "day" {
            return None;
        }
        let in_a_row = self.w(k + 1) == "in" && self.w(k + 2) == "a" && self.w(k + 3) == "row";
        let is_today = matches!(self.prev(i), "is" | "'s" | "’s")
            && self.direction(i..k + 1) != Some(Tense::Past);
        if !(straight || in_a_row || is_today) {
            return None;
        }
        let e = if in_a_row { k + 4 } else { k + 1 };
        let day = if self.day_anchor_sent == self.sent_no {
            self.day_anchor
        } else {
            self.published
        };
        Some(found_day(i, e, day, "XXXX-XX-XX"))
    }

    /// `year-end`, `year end`, `year's end` after a preposition (`by
    /// year-end`, `since the year-end`): the year, as `the end of the year`
    /// is (TimeML values the year and marks the end as a modifier); after
    /// `since` the year-end gone, else the current year's.
    fn year_end(&self, i: usize) -> Option<Found> {
        let start = if self.w(i) == "the" { i + 1 } else { i };
        if self.w(start) != "year" {
            return None;
        }
        let end = match (self.w(start + 1), self.w(start + 2)) {
            ("-", "end") if self.glued(start + 1) && self.glued(start + 2) => start + 3,
            ("end", _) => start + 2,
            ("'s" | "’s", "end") => start + 3,
            _ => return None,
        };
        let prep = self.prev(i);
        if !matches!(
            prep,
            "by" | "at"
                | "before"
                | "until"
                | "till"
                | "since"
                | "around"
                | "after"
                | "near"
                | "toward"
                | "towards"
                | "through"
                | "from"
                | "to"
        ) {
            return None;
        }
        let offset = if prep == "since" { -1 } else { 0 };
        let year = Expr::narrative(Unit::Day).shift(offset, Unit::Year);
        Some(found(i, end, self.eval(&year).0, DateType::Date))
    }

    /// Whether `that day` (`that night`), ending before token `e`, has a
    /// day to stand for: a day was named before it and no coarser point
    /// since (after `in 2008` the day is not told), no year follows it,
    /// and the unit word is
    /// no first half of a noun (`that day care`, `that day-to-day work`,
    /// `that night shift`).
    fn that_day_told(&self, e: usize) -> bool {
        let compound = (self.w(e) == "-" && self.glued(e))
            || (self.kind(e) == Some(TokenKind::Word) && lexicon::is_day_compound(self.w(e)));
        // "on that day back in June 2009", "that night in 2008": dated by
        // the year after it, not by the day named before.
        let dated_after = (e..e + 4).any(|k| self.year_num(k).is_some());
        self.day_anchor_sent != usize::MAX
            && !dated_after
            && !self.anchor.is_some_and(|(_, g)| coarser(g, Unit::Day))
            && !compound
    }

    /// `the week of March 6`: the (ISO) week holding that day.
    fn week_of(&self, i: usize) -> Option<Found> {
        if (self.w(i), self.w(i + 1), self.w(i + 2)) != ("the", "week", "of") {
            return None;
        }
        let f = self.explicit_date(i + 3)?;
        let d = f.day?;
        Some(found(i, f.end, resolve::week(d), DateType::Date))
    }

    /// A part of the day told alone: `mid-afternoon`, `mid afternoon
    /// yesterday`, `in the morning`, `by the evening`: that part of the
    /// day last mentioned (or of `yesterday`/`today` after it), a time.
    fn part_of_day(&self, i: usize) -> Option<Found> {
        let mut j = i;
        // "the next morning", "the following night": that part of the day
        // after the one last mentioned.
        let next = self.w(j) == "the" && matches!(self.w(j + 1), "next" | "following");
        // "that night", "later that evening".
        let that_at = match self.w(j) {
            "that" => Some(j),
            "later" | "earlier" | "early" | "late" if self.w(j + 1) == "that" => Some(j + 1),
            _ => None,
        };
        if next {
            j += 2;
        } else if self.w(j) == "mid" {
            j += 1;
            if self.w(j) == "-" && self.glued(j) {
                j += 1;
            }
        } else if self.w(j) == "the"
            && matches!(
                self.prev(i),
                "in" | "during" | "by" | "until" | "through" | "throughout"
            )
        {
            j += 1;
        } else if let Some(t) = that_at {
            j = t;
        } else {
            return None;
        }
        // "that night", "later that evening": that part of the day last
        // named; with no day named (or a month or a year named since), the
        // night of some event the text does not date, left out.
        let that = self.w(j) == "that";
        if that && !self.that_day_told(j + 2) {
            return None;
        }
        // Past the part of the day.
        j += 1;
        if that {
            j += 1;
        }
        // Night spans two days and "the night" is often a night told of;
        // the day's own parts only (but "that night" points at one).
        let pod = match lexicon::part_of_day(self.w(j - 1))? {
            "NI" if !next && !that => return None,
            // "can't do that overnight": a pronoun and an adverb.
            _ if that && self.w(j - 1) == "overnight" => return None,
            pod => pod,
        };
        // "the morning shows", "the evening papers": a kind of thing.
        if self.kind(j) == Some(TokenKind::Word) && lexicon::is_count_noun(self.w(j)) {
            return None;
        }
        let (day, e) = match self.w(j) {
            _ if next => (Expr::narrative(Unit::Day).shift(1, Unit::Day), j),
            "yesterday" => (Expr::document().shift(-1, Unit::Day), j + 1),
            "today" => (Expr::document(), j + 1),
            _ => (Expr::narrative(Unit::Day), j),
        };
        // "the following morning" with no day named before: the day it
        // follows is not told (a story's, seldom publication's).
        if next && self.day_anchor_sent == usize::MAX {
            return Some(found_day_part(i, e, None, "XXXX-XX-XX", pod));
        }
        let mut date = self.eval(&day).1.and_then(|p| p.day())?;
        // In a past clause, not a day still to come: the last one gone.
        if let (Some(p), Some(last)) = (self.published, self.past_day_anchor) {
            if date > p && !next && !that && self.tense(i..e) == Tense::Past {
                date = last;
            }
        }
        Some(found_day_part(i, e, Some(date), "XXXX-XX-XX", pod))
    }

    /// `the day`, `the same day`, `that day`, `late in the day`, `the start
    /// of the day`: the day last mentioned, where the context makes it one.
    fn anaphoric_day(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let late = matches!(self.w(j), "late" | "early" | "earlier" | "later")
            && self.w(j + 1) == "in"
            && self.w(j + 2) == "the";
        if late {
            j += 2;
        }
        let edge = matches!(self.w(j), "the")
            && matches!(
                self.w(j + 1),
                "start" | "end" | "beginning" | "close" | "rest" | "remainder"
            )
            && self.w(j + 2) == "of";
        if edge {
            j += 3;
        }
        let (unit_at, e_unit) = match (self.w(j), self.w(j + 1), self.w(j + 2)) {
            ("the", "same", u) | ("that", "same", u) => (u, j + 3),
            ("the", u, _) | ("that", u, _) => (u, j + 2),
            ("this" | "last" | "next", u, _) if edge => (u, j + 2),
            _ => return None,
        };
        let (unit, plural) = lexicon::unit(unit_at)?;
        if plural {
            return None;
        }
        // "At the end of the day, voters decide," said in a quotation: the
        // idiom (in the end), which speakers use far more than the clock.
        if edge
            && unit == Unit::Day
            && self.w(j) == "the"
            && self.prev(i) == "at"
            && self.w(j - 3) == "the"
            && self.w(j - 2) == "end"
            && self.in_quotation(i)
        {
            return None;
        }
        let same = self.w(j + 1) == "same";
        let prev = self.prev(i);
        let contextual = late
            || edge
            || same
            || matches!(
                prev,
                "end"
                    | "ended"
                    | "ending"
                    | "ends"
                    | "finish"
                    | "finished"
                    | "close"
                    | "closed"
                    | "closing"
                    | "start"
                    | "started"
                    | "begin"
                    | "began"
                    | "for"
                    | "during"
                    | "over"
            );
        if !contextual {
            return None;
        }
        let (this, offset) = match self.w(j) {
            "this" => (true, 0),
            "last" => (true, -1),
            "next" => (true, 1),
            _ => (false, 0),
        };
        let reference = if this {
            Expr::document()
        } else {
            Expr::narrative(Unit::Day)
        };
        match unit {
            Unit::Day if !this => Some(self.found_tree(i, e_unit, &reference)),
            Unit::Weekend => {
                let past = self.published.is_some_and(|r| !resolve::is_weekend(r))
                    && self.tense(i..e_unit) == Tense::Past;
                let weekend = Expr::document().shift(if past { -1 } else { 0 }, unit);
                Some(found(i, e_unit, self.eval(&weekend).0, DateType::Date))
            }
            // "earlier in the year": the year (TimeML keeps the part as a modifier).
            Unit::Week | Unit::Month | Unit::Year | Unit::Quarter if edge || same || late => {
                let period = reference.shift(offset, unit);
                Some(found(i, e_unit, self.eval(&period).0, DateType::Date))
            }
            _ => None,
        }
    }
}

/// How many sentences a narrative's year carries to a month-day whose
/// nearest occurrence is not around publication.
const STORY_SENTENCES: usize = 3;

/// The longest line a live blog's timestamp fills (`11:45 a.m. EDT`).
const TIMESTAMP_BYTES: usize = 16;

/// How near publication (in days) a month-day is news rather than story.
const NEWS_DAYS: i64 = 60;

/// Whether a point known to granularity `g` (a year, a month) is too
/// coarse to count `unit`s from (a day from `in July 2008`).
fn coarser(g: Unit, unit: Unit) -> bool {
    let rank = |u: Unit| match u {
        Unit::Year | Unit::Decade | Unit::Century => 2,
        Unit::Month | Unit::Quarter => 1,
        _ => 0,
    };
    rank(g) > rank(unit)
}

/// The index of month `m`, day `d` in a 12 × 31 table (out of range, so
/// never found, for an impossible month or day).
/// `n` whole `unit`s from `anchor` (`two weeks ago` = shift(anchor, −2,
/// week)); decades and centuries are years, hours and smaller the day.
fn units_away(anchor: Expr, n: i64, unit: Unit) -> Expr {
    match unit {
        Unit::Decade => anchor.shift(n * 10, Unit::Year),
        Unit::Century => anchor.shift(n * 100, Unit::Year),
        Unit::Second | Unit::Minute | Unit::Hour => anchor.shift(0, Unit::Day),
        _ => anchor.shift(n, unit),
    }
}

fn month_day_slot(m: u32, d: u32) -> usize {
    match (m, d) {
        (1..=12, 1..=31) => ((m - 1) * 31 + (d - 1)) as usize,
        _ => usize::MAX,
    }
}

/// `YYYY-Qn` as (year, quarter).
fn parse_quarter(v: &str) -> Option<(i32, u32)> {
    let (y, q) = v.split_once("-Q")?;
    if y.len() != 4 || q.len() != 1 {
        return None;
    }
    Some((
        y.parse().ok()?,
        q.parse().ok().filter(|q| (1..=4).contains(q))?,
    ))
}

/// The quarter `n` quarters after (`n` < 0: before) year `y`, quarter `q`:
/// shift(intersect(year(y), quarter q), n, quarter).
fn shift_quarter(y: i32, q: u32, n: i32) -> Option<String> {
    let tree = Expr::Year(y)
        .intersect(Field::Quarter(q))
        .shift(i64::from(n), Unit::Quarter);
    tree.eval(&|_| None).map(|p| p.value())
}

/// 12-hour clock to 24-hour.
fn ampm(h: u32, marker: &str) -> Option<u32> {
    if !(1..=12).contains(&h) {
        return None;
    }
    Some(if marker.starts_with('p') {
        if h == 12 {
            12
        } else {
            h + 12
        }
    } else if h == 12 {
        0
    } else {
        h
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ampm_conversion() {
        assert_eq!(ampm(3, "p.m."), Some(15));
        assert_eq!(ampm(12, "am"), Some(0));
        assert_eq!(ampm(12, "pm"), Some(12));
        assert_eq!(ampm(13, "pm"), None);
    }
}
